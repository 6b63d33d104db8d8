using System.Collections.Concurrent;
using ProxyNode.Sessions;

namespace ProxyNode.Tunnel;

/// <summary>One message-framed transport under a tunnel (a WebSocket's binary messages); a null receive means it closed.</summary>
public interface ITunnelTransport
{
    /// <summary>Sends one frame; a transport that failed throws IOException (the tunnel is closed).</summary>
    Task SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken);

    Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Either end of a tunnel (see <see cref="TunnelFrames"/>): it reads frames and hands each to its stream. The node opens
/// streams (<see cref="OpenAsync"/>); the agent answers OPENs with <paramref name="onOpen"/> (dial, then
/// <see cref="Accept"/> or <see cref="RefuseAsync"/>). When the transport closes, every stream of it is reset: a
/// device that goes offline ends its sessions, and new ones find no tunnel until its agent connects again.
/// </summary>
public sealed class TunnelConnection(ITunnelTransport transport, Func<TunnelConnection, uint, string, int, Task>? onOpen = null,
    Func<TunnelConnection, uint, string, int, byte[], Task>? onDialBack = null) : IDisposable
{
    private readonly ConcurrentDictionary<uint, Action> _dialedBack = new();
    private readonly ConcurrentDictionary<uint, TunnelStream> _streams = new();
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<TunnelRefusal?>> _opening = new();
    private readonly ConcurrentDictionary<uint, string> _reached = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private int _nextStream;
    private volatile bool _closed;
    private long _protocolViolations;

    /// <summary>Streams reset because the peer broke the protocol (sent past a window, or frames too large).</summary>
    public long ProtocolViolations => Interlocked.Read(ref _protocolViolations);

    public bool IsClosed => _closed;

    /// <summary>Node side: the agent said it opens each stream's connection itself (<see cref="TunnelFrameType.OpenDialBack"/>).</summary>
    public bool DialsBack { get; init; }

    /// <summary>
    /// Node side: asks the agent to dial host:port and bring the stream's bytes on a connection of its own, presenting
    /// <paramref name="key"/>. The task completes with the refusal if the agent refuses; the connection itself arrives
    /// where the node serves dial-backs (<see cref="DialBackStreams"/>).
    /// </summary>
    public async Task<(uint Id, Task<TunnelRefusal?> Refused)> RequestDialBackAsync(string host, int port, byte[] key, CancellationToken cancellationToken)
    {
        var id = (uint)Interlocked.Increment(ref _nextStream);
        var answer = new TaskCompletionSource<TunnelRefusal?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _opening[id] = answer;
        await SendAsync(TunnelFrames.OpenDialBack(id, host, port, key), cancellationToken);
        return (id, answer.Task);
    }

    /// <summary>Node side: the dial-back stream <paramref name="id"/> is settled (arrived or given up): refusals no longer matter.</summary>
    public void Settled(uint id) => _opening.TryRemove(id, out _);

    /// <summary>What to do when the far end gives a dial-back stream up (RESET), or the tunnel closes (the device is gone).</summary>
    public void WatchDialBack(uint id, Action reset) => _dialedBack[id] = reset;

    public void ForgetDialBack(uint id) => _dialedBack.TryRemove(id, out _);

    /// <summary>Gives a dial-back stream up (RESET): the agent lets go of what it opened for it.</summary>
    public Task SignalResetAsync(uint id) => TrySendAsync(TunnelFrames.Reset(id));

    /// <summary>Node side: opens a stream to host:port at the agent's end; no stream when the agent refused it (and why) or the tunnel closed.</summary>
    public async Task<(TunnelStream? Stream, TunnelRefusal? Refusal)> OpenAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_closed) return (null, null);
        var id = (uint)Interlocked.Increment(ref _nextStream);
        var stream = new TunnelStream(this, id);
        _streams[id] = stream;
        var answer = new TaskCompletionSource<TunnelRefusal?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _opening[id] = answer;
        var opened = false;
        try
        {
            await SendAsync(TunnelFrames.Open(id, host, port), cancellationToken);
            var refusal = await answer.Task.WaitAsync(timeout, cancellationToken);
            opened = refusal is null;
            if (opened && _reached.TryRemove(id, out var address) && address.Length > 0) stream.RemoteAddress = address;
            return opened ? (stream, null) : (null, refusal);
        }
        catch (Exception e) when (e is TimeoutException or IOException)
        {
            // No answer in time (or the tunnel closed): the agent may still open it; tell it to let go.
            await TrySendAsync(TunnelFrames.Reset(id));
            return (null, null);
        }
        finally
        {
            _opening.TryRemove(id, out _);
            _reached.TryRemove(id, out _);
            if (!opened) Forget(id);
        }
    }

    /// <summary>Agent side: the stream for an OPEN that was dialled, told to the node as opened.</summary>
    public async Task<TunnelStream> Accept(uint id, string? reachedAddress, CancellationToken cancellationToken)
    {
        var stream = new TunnelStream(this, id);
        _streams[id] = stream;
        await SendAsync(TunnelFrames.Opened(id, reachedAddress), cancellationToken);
        return stream;
    }

    /// <summary>Agent side: an OPEN that could not be dialled.</summary>
    public Task RefuseAsync(uint id, TunnelRefusal reason, CancellationToken cancellationToken) => SendAsync(TunnelFrames.Refused(id, reason), cancellationToken);

    /// <summary>Reads frames until the transport closes, then resets every stream.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await transport.ReceiveAsync(cancellationToken) is { } frame)
            {
                if (!TunnelFrames.TryRead(frame, out var type, out var id, out var payload)) break;
                switch (type)
                {
                    case TunnelFrameType.Open when onOpen is not null && TunnelFrames.TryReadOpen(payload, out var host, out var port):
                        _ = onOpen(this, id, host, port);
                        break;
                    case TunnelFrameType.OpenDialBack when onDialBack is not null && TunnelFrames.TryReadOpenDialBack(payload, out var dialHost, out var dialPort, out var key):
                        _ = onDialBack(this, id, dialHost, dialPort, key);
                        break;
                    case TunnelFrameType.Opened:
                        if (_opening.TryGetValue(id, out var opened))
                        {
                            if (payload.Length > 0) _reached[id] = System.Text.Encoding.UTF8.GetString(payload.Span);
                            opened.TrySetResult(null);
                        }
                        break;
                    case TunnelFrameType.Refused:
                        if (_opening.TryGetValue(id, out var refused)) refused.TrySetResult(payload.Length > 0 ? (TunnelRefusal)payload.Span[0] : TunnelRefusal.Unreachable);
                        break;
                    case TunnelFrameType.Data:
                        if (_streams.TryGetValue(id, out var receiving) && !receiving.Received(payload.ToArray()))
                        {
                            // The peer sent past the stream's window (or a frame larger than allowed): the session ends
                            // here, and nothing more of it is kept.
                            Interlocked.Increment(ref _protocolViolations);
                            if (_streams.TryRemove(id, out var broken)) broken.RemoteReset();
                            await TrySendAsync(TunnelFrames.Reset(id));
                        }
                        break;
                    case TunnelFrameType.Credit:
                        if (_streams.TryGetValue(id, out var credited) && payload.Length >= 4)
                            credited.Credited(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(payload.Span));
                        break;
                    case TunnelFrameType.Fin:
                        if (_streams.TryGetValue(id, out var finished)) finished.RemoteFinished();
                        break;
                    case TunnelFrameType.Reset:
                        if (_streams.TryRemove(id, out var reset)) reset.RemoteReset();
                        else if (_dialedBack.TryRemove(id, out var watchedReset)) watchedReset();
                        break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or System.Net.WebSockets.WebSocketException)
        {
        }
        finally
        {
            _closed = true;
            foreach (var (id, stream) in _streams)
            {
                if (_streams.TryRemove(id, out _)) stream.RemoteReset();
            }
            foreach (var (_, answer) in _opening) answer.TrySetException(new IOException("The tunnel closed"));
            foreach (var (id, watched) in _dialedBack)
            {
                if (_dialedBack.TryRemove(id, out _)) watched();
            }
        }
    }

    internal async Task SendAsync(byte[] frame, CancellationToken cancellationToken)
    {
        if (_closed) throw new IOException("The tunnel is closed");
        try
        {
            await _sending.WaitAsync(cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            throw new IOException("The tunnel is closed");
        }
        try
        {
            await transport.SendAsync(frame, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    internal async Task TrySendAsync(byte[] frame)
    {
        try
        {
            await SendAsync(frame, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or System.Net.WebSockets.WebSocketException or ObjectDisposedException)
        {
        }
    }

    internal void Forget(uint id) => _streams.TryRemove(id, out _);

    public void Dispose()
    {
        _closed = true;
        _sending.Dispose();
    }
}
