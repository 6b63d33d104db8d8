using System.Buffers;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ProxyNode.Sessions;

/// <summary>
/// One direction of a socket-to-socket relay on Linux with splice(2): the bytes go from the receiving socket into a
/// kernel pipe and from the pipe into the sending socket, never copied into this process (what HAProxy does with
/// "option splice-auto"). A session through the node is two such relays back to back (client ↔ node ↔ phone ↔ target),
/// so this is most of what a bulk transfer costs the node and the simulator.
/// Waiting stays with .NET: a zero-byte receive waits until the socket is readable (or at its end), and when the
/// sending socket's buffer is full the pipe's bytes go out through an ordinary asynchronous send, which waits for room,
/// so a slow reader still holds its writer back (the pipe holds at most <see cref="PipeSize"/>).
/// Every system call holds a reference on both sockets' handles, so a socket disposed meanwhile (its session revoked,
/// its tunnel gone) is closed after the call, never under it, and its descriptor can't be reused mid-call.
/// </summary>
public sealed partial class SocketSplice : IDisposable
{
    /// <summary>The pipe's capacity (Linux's default limit for an unprivileged process; 64 KiB when it refuses).</summary>
    public const int PipeSize = 1 << 20;

    private const uint SpliceMove = 1, SpliceNonBlock = 2;
    private const int ONonBlock = 0x800, OCloExec = 0x80000, FGetFl = 3, FSetPipeSize = 1031;
    private const int EAgain = 11, EIntr = 4;

    private readonly Socket _from;
    private readonly Socket _to;
    private readonly int _pipeRead;
    private readonly int _pipeWrite;
    private int _disposed;

    private SocketSplice(Socket from, Socket to, int pipeRead, int pipeWrite)
    {
        _from = from;
        _to = to;
        _pipeRead = pipeRead;
        _pipeWrite = pipeWrite;
    }

    /// <summary>Whether this system splices at all (Linux, and a libc that has splice).</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>
    /// A splice from <paramref name="from"/> to <paramref name="to"/> when both streams are sockets in non-blocking mode
    /// (every socket .NET has used asynchronously) and a pipe could be made; otherwise null, and the caller copies.
    /// </summary>
    public static SocketSplice? TryCreate(Stream from, Stream to)
    {
        if (!Supported || SocketOf(from) is not { } source || SocketOf(to) is not { } sink) return null;
        if (!IsNonBlocking(source) || !IsNonBlocking(sink)) return null;
        Span<int> pipe = stackalloc int[2];
        if (Pipe2(pipe, ONonBlock | OCloExec) != 0) return null; // out of descriptors: the copying relay still works
        _ = Fcntl(pipe[1], FSetPipeSize, PipeSize); // refused: the default 64 KiB, fewer bytes per call
        return new SocketSplice(source, sink, pipe[0], pipe[1]);
    }

    /// <summary>The socket under a stream whose bytes are the socket's own.</summary>
    public static Socket? SocketOf(Stream stream) => stream switch
    {
        NetworkStream network => network.Socket,
        ISocketStream socketStream => socketStream.Socket,
        _ => null,
    };

    /// <summary>
    /// Waits until the receiving socket has bytes or has ended, then moves what it has (up to the pipe's size) to the
    /// sending socket. The bytes moved; 0 when the receiving socket has ended.
    /// </summary>
    public async ValueTask<int> MoveOnceAsync(CancellationToken cancellationToken)
    {
        int received;
        while (true)
        {
            _ = await _from.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, cancellationToken); // readable or at its end
            received = Splice(_from, _pipeWrite, PipeSize);
            if (received >= 0) break;
            // EAGAIN: the readiness was for bytes another call took; wait again.
        }
        if (received == 0) return 0;

        var pending = received;
        while (pending > 0)
        {
            var sent = Splice(_pipeRead, _to, pending);
            if (sent > 0)
            {
                pending -= sent;
                continue;
            }
            // The sending socket's buffer is full: out through a buffer and .NET's send, which waits for room.
            var buffer = ArrayPool<byte>.Shared.Rent(pending);
            try
            {
                while (pending > 0)
                {
                    var read = ReadPipe(buffer.AsSpan(0, pending));
                    for (var offset = 0; offset < read;)
                        offset += await _to.SendAsync(buffer.AsMemory(offset, read - offset), SocketFlags.None, cancellationToken);
                    pending -= read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        return received;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _ = Close(_pipeRead);
        _ = Close(_pipeWrite);
    }

    /// <summary>splice(2) from a socket into the pipe (-1: nothing to take now) or from the pipe into a socket (-1: no room now).</summary>
    private static int Splice(Socket from, int pipeWrite, int count) => WithHandle(from, fd => Retry(() => Splice(fd, 0, pipeWrite, 0, (nuint)count, SpliceMove | SpliceNonBlock)));

    private static int Splice(int pipeRead, Socket to, int count) => WithHandle(to, fd => Retry(() => Splice(pipeRead, 0, fd, 0, (nuint)count, SpliceMove | SpliceNonBlock)));

    private int ReadPipe(Span<byte> buffer)
    {
        while (true)
        {
            var read = (int)Read(_pipeRead, buffer, (nuint)buffer.Length);
            if (read >= 0) return read;
            var error = Marshal.GetLastPInvokeError();
            if (error != EIntr) throw new IOException($"read from the relay's pipe failed (errno {error})");
        }
    }

    /// <summary>A call's result; -1 for EAGAIN; an IOException for any other failure (a reset, a broken pipe).</summary>
    private static int Retry(Func<nint> call)
    {
        while (true)
        {
            var result = (int)call();
            if (result >= 0) return result;
            var error = Marshal.GetLastPInvokeError();
            if (error == EAgain) return -1;
            if (error != EIntr) throw new IOException($"splice failed (errno {error})", new SocketException(error));
        }
    }

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
            return (WithHandle(socket, fd => Fcntl(fd, FGetFl, 0)) & ONonBlock) != 0;
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
            Span<int> pipe = stackalloc int[2];
            if (Pipe2(pipe, OCloExec) != 0) return false;
            // A zero-length splice between a pipe's own ends answers without moving anything: proof the call exists.
            _ = Splice(pipe[0], 0, pipe[1], 0, 0, SpliceNonBlock);
            _ = Close(pipe[0]);
            _ = Close(pipe[1]);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "splice", SetLastError = true)]
    private static partial nint Splice(int fdIn, nint offIn, int fdOut, nint offOut, nuint length, uint flags);

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static partial int Pipe2(Span<int> fds, int flags);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, Span<byte> buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}

/// <summary>A stream whose bytes are exactly a socket's (a wrapper that adds nothing between the two), so a relay may splice it.</summary>
public interface ISocketStream
{
    Socket? Socket { get; }
}
