using System.Collections.Concurrent;
using System.Security.Cryptography;
using ProxyNode.Sessions;

namespace ProxyNode.Tunnel;

/// <summary>
/// Node side: the dial-back streams the node is waiting for. A session to a device whose agent dials back gets a
/// one-time 16-byte key (from a cryptographic RNG); the agent presents it when it connects to the node's streams port
/// (<see cref="DialBack"/>), and the connection is handed to the session waiting for it. A key is good for one connection and only while its session
/// waits; what presents an unknown key is turned away.
/// </summary>
public sealed class DialBackStreams
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<DialedStream>> _waiting = new(StringComparer.Ordinal);

    /// <summary>A new key and the connection it will bring.</summary>
    public (string Key, byte[] KeyBytes, Task<DialedStream> Arrival) Expect()
    {
        var bytes = RandomNumberGenerator.GetBytes(TunnelFrames.DialBackKeySize);
        var key = Convert.ToHexString(bytes);
        var arrival = new TaskCompletionSource<DialedStream>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[key] = arrival;
        return (key, bytes, arrival.Task);
    }

    /// <summary>The session stopped waiting (refused, timed out): the key lets nothing in any more.</summary>
    public void GiveUp(string key) => _waiting.TryRemove(key, out _);

    /// <summary>
    /// Hands a dialled-back connection to the session that waits for it; false (the connection is not taken) for a key
    /// nobody waits for. <paramref name="ended"/> completes when the session is done with the connection.
    /// </summary>
    public bool TryDeliver(string key, Stream connection, string? reachedAddress, out Task ended)
    {
        ended = Task.CompletedTask;
        if (!_waiting.TryRemove(key, out var waiting)) return false;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!waiting.TrySetResult(new DialedStream(connection, reachedAddress, done))) return false;
        ended = done.Task;
        return true;
    }
}

/// <summary>A connection an agent dialled back, what it reached, and the signal that the session is done with it.</summary>
public sealed record DialedStream(Stream Connection, string? ReachedAddress, TaskCompletionSource Done);

/// <summary>
/// The exit of a session whose bytes the agent carries on a connection of its own (a socket on the node's streams
/// port): reads, writes and the half-close are that connection's; disposing it ends the connection. If the agent gives
/// the stream up (RESET) or the tunnel closes (the device went offline), the connection is closed, which ends the session.
/// </summary>
public sealed class DialBackExitStream : Stream, IHalfClosable, IReachedAddress, ISocketStream
{
    private readonly TunnelConnection _tunnel;
    private readonly uint _id;
    private readonly DialedStream _dialed;
    private int _disposed;

    public DialBackExitStream(TunnelConnection tunnel, uint id, DialedStream dialed)
    {
        _tunnel = tunnel;
        _id = id;
        _dialed = dialed;
        tunnel.WatchDialBack(id, () => _dialed.Connection.Dispose());
    }

    public string? RemoteAddress => _dialed.ReachedAddress;

    public System.Net.Sockets.Socket? Socket => (_dialed.Connection as System.Net.Sockets.NetworkStream)?.Socket;

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _dialed.Connection.ReadAsync(buffer, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _dialed.Connection.WriteAsync(buffer, cancellationToken);

    public Task CloseSendingAsync(CancellationToken cancellationToken)
    {
        if (_dialed.Connection is System.Net.Sockets.NetworkStream network) network.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
        else if (_dialed.Connection is IHalfClosable halfClosable) return halfClosable.CloseSendingAsync(cancellationToken);
        return Task.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => _dialed.Connection.FlushAsync(cancellationToken);
    public override void Flush() => _dialed.Connection.Flush();
    public override int Read(byte[] buffer, int offset, int count) => _dialed.Connection.Read(buffer, offset, count);
    public override void Write(byte[] buffer, int offset, int count) => _dialed.Connection.Write(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _tunnel.ForgetDialBack(_id);
        await _dialed.Connection.DisposeAsync();
        _dialed.Done.TrySetResult();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _tunnel.ForgetDialBack(_id);
            _dialed.Connection.Dispose();
            _dialed.Done.TrySetResult();
        }
        base.Dispose(disposing);
    }
}
