using System.Buffers;
using System.Net.Sockets;

namespace ProxyNode.Sessions;

/// <summary>
/// One direction of a socket-to-socket relay on Linux with splice(2): the bytes go from the receiving socket into a
/// kernel pipe and from the pipe into the sending socket, never copied into this process (what HAProxy does with
/// "option splice-auto"). A session through the node is two such relays back to back (client ↔ node ↔ phone ↔ target),
/// so this is most of what a bulk transfer costs the node and the simulator.
/// Waiting stays with .NET: a zero-byte receive waits until the socket is readable (or at its end), and when the
/// sending socket's buffer is full the pipe's bytes go out through an ordinary asynchronous send, which waits for room,
/// so a slow reader still holds its writer back. A pipe is borrowed only for one move and given back empty
/// (<see cref="KernelPipe"/>), so quiet sessions hold none, as the copying relay's buffers are pooled.
/// Every system call holds a reference on the socket's handle, so a socket disposed meanwhile (its session revoked,
/// its tunnel gone) is closed after the call, never under it, and its descriptor can't be reused mid-call.
/// </summary>
public sealed class SocketSplice
{
    private readonly Socket _from;
    private readonly Socket _to;

    private SocketSplice(Socket from, Socket to)
    {
        _from = from;
        _to = to;
    }

    private static readonly bool Probed = OperatingSystem.IsLinux() && Probe();
    private static volatile bool _refused;

    /// <summary>
    /// Whether this system splices sockets: Linux, a libc that has splice, and a kernel that has never refused it for a
    /// socket (a sandbox such as gVisor may: the relay then copies from that move on, losing no byte).
    /// </summary>
    public static bool Supported => Probed && !_refused;

    /// <summary>
    /// A splice from <paramref name="from"/> to <paramref name="to"/> when both streams are sockets in non-blocking mode
    /// (every socket .NET has used asynchronously); otherwise null, and the caller copies.
    /// </summary>
    public static SocketSplice? TryCreate(Stream from, Stream to) =>
        Supported && SocketOf(from) is { } source && SocketOf(to) is { } sink && IsNonBlocking(source) && IsNonBlocking(sink)
            ? new SocketSplice(source, sink)
            : null;

    /// <summary>The socket under a stream whose bytes are the socket's own.</summary>
    public static Socket? SocketOf(Stream stream) => stream switch
    {
        NetworkStream network => network.Socket,
        ISocketStream socketStream => socketStream.Socket,
        _ => null,
    };

    /// <summary>
    /// Waits until the receiving socket has bytes or has ended, then moves what it has (up to a pipe's capacity) to the
    /// sending socket. The bytes moved; 0 when the receiving socket has ended.
    /// </summary>
    public async ValueTask<int> MoveOnceAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            _ = await _from.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, cancellationToken); // readable or at its end
            if (_refused) return await CopyOnceAsync(cancellationToken);
            using var pipe = KernelPipe.Rent();
            if (pipe is null) return await CopyOnceAsync(cancellationToken); // no descriptors left for a pipe: copy this once
            var received = Splice(_from, pipe.WriteEnd, KernelPipe.Capacity);
            if (received < 0)
            {
                pipe.Release();
                if (received == Libc.Unsupported)
                {
                    _refused = true;
                    return await CopyOnceAsync(cancellationToken); // nothing was taken: the bytes are still in the socket
                }
                continue; // EAGAIN: the readiness was for bytes already taken; wait again
            }
            var pending = received;
            while (pending > 0 && Splice(pipe.ReadEnd, _to, pending) is var sent and not Libc.WouldBlock)
            {
                if (sent == Libc.Unsupported)
                {
                    _refused = true; // what is in the pipe goes out through the buffer below
                    break;
                }
                pending -= sent;
            }
            if (pending == 0)
            {
                pipe.Release();
                return received;
            }
            // The sending socket's buffer is full: the rest leaves the pipe for a buffer and .NET's send, which waits for room.
            var buffer = ArrayPool<byte>.Shared.Rent(pending);
            try
            {
                pipe.ReadExactly(buffer, pending);
                pipe.Release();
                await SendAsync(buffer.AsMemory(0, pending), cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return received;
        }
    }

    private async ValueTask<int> CopyOnceAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Relay.BufferSize);
        try
        {
            var read = await _from.ReceiveAsync(buffer.AsMemory(0, Relay.BufferSize), SocketFlags.None, cancellationToken);
            await SendAsync(buffer.AsMemory(0, read), cancellationToken);
            return read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < bytes.Length;)
            offset += await _to.SendAsync(bytes[offset..], SocketFlags.None, cancellationToken);
    }

    /// <summary>From a socket into a pipe: the bytes taken, <see cref="Libc.WouldBlock"/> when there were none after all, or <see cref="Libc.Unsupported"/>.</summary>
    private static int Splice(Socket from, int pipeWriteEnd, int count) =>
        WithHandle(from, fd => Libc.Call(() => Libc.Splice(fd, 0, pipeWriteEnd, 0, (nuint)count, Libc.SpliceMove | Libc.SpliceNonBlock), "splice"));

    /// <summary>From a pipe into a socket: the bytes sent, <see cref="Libc.WouldBlock"/> when the socket has no room now, or <see cref="Libc.Unsupported"/>.</summary>
    private static int Splice(int pipeReadEnd, Socket to, int count) =>
        WithHandle(to, fd => Libc.Call(() => Libc.Splice(pipeReadEnd, 0, fd, 0, (nuint)count, Libc.SpliceMove | Libc.SpliceNonBlock), "splice"));

    private static int WithHandle(Socket socket, Func<int, int> call)
    {
        var handle = socket.SafeHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return call((int)handle.DangerousGetHandle());
        }
        catch (ObjectDisposedException e)
        {
            throw new IOException("the socket was closed", e);
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    private static bool IsNonBlocking(Socket socket)
    {
        try
        {
            return (WithHandle(socket, fd => Libc.Fcntl(fd, Libc.FGetFl, 0)) & Libc.ONonBlock) != 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool Probe()
    {
        try
        {
            using var pipe = KernelPipe.Rent();
            if (pipe is null) return false;
            // A zero-length splice between a pipe's own ends moves nothing: it only proves the call exists.
            _ = Libc.Splice(pipe.ReadEnd, 0, pipe.WriteEnd, 0, 0, Libc.SpliceNonBlock);
            pipe.Release();
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}

/// <summary>A stream whose bytes are exactly a socket's (a wrapper that adds nothing between the two), so a relay may splice it.</summary>
public interface ISocketStream
{
    Socket? Socket { get; }
}
