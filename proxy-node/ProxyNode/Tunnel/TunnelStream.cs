using System.Threading.Channels;
using ProxyNode.Sessions;

namespace ProxyNode.Tunnel;

/// <summary>
/// One session's bytes through a tunnel, as a stream: reads take the DATA frames that came (granting credit back as they
/// are read), writes wait for credit and go out as DATA frames of at most <see cref="TunnelFrames.MaxData"/> bytes.
/// Ending the sending half sends FIN (a half-close); disposing an unfinished stream sends RESET. A RESET from the far
/// end (or the tunnel closing) fails reads and writes with an <see cref="IOException"/>. The receiving side holds the
/// peer to the window: it may have at most <see cref="TunnelFrames.Window"/> bytes sent and not yet credited back, so
/// the stream never holds more than that; a peer that sends past it breaks the protocol, and the stream is reset.
/// </summary>
public sealed class TunnelStream : Stream, IHalfClosable, IReachedAddress
{
    private readonly TunnelConnection _tunnel;
    private readonly Channel<byte[]> _inbound = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly SemaphoreSlim _creditChanged = new(0);
    private ReadOnlyMemory<byte> _current;
    private int _credit = TunnelFrames.Window;
    private int _consumedSinceGrant;
    /// <summary>Bytes received and not yet credited back to the peer: at most a window.</summary>
    private long _unacknowledged;
    /// <summary>Bytes received and not yet read.</summary>
    private long _buffered;
    private volatile bool _reset;
    private bool _sentFin;
    private bool _receivedFin;

    internal TunnelStream(TunnelConnection tunnel, uint id)
    {
        _tunnel = tunnel;
        Id = id;
    }

    public uint Id { get; }

    /// <summary>Bytes that came and are not read yet (never more than a window).</summary>
    public long Buffered => Interlocked.Read(ref _buffered);

    /// <summary>Node side: the address the agent reached for this stream's target (its name resolved at the exit), when it said.</summary>
    public string? RemoteAddress { get; internal set; }

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Reads what has come; a zero-byte read waits until something has (or the stream ended) and takes nothing.</summary>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            if (_current.IsEmpty && !_reset) await _inbound.Reader.WaitToReadAsync(cancellationToken);
            return 0;
        }
        if (_current.IsEmpty)
        {
            if (_reset) throw new IOException("The tunnel stream was reset");
            if (!await _inbound.Reader.WaitToReadAsync(cancellationToken) || !_inbound.Reader.TryRead(out var next))
            {
                if (_reset) throw new IOException("The tunnel stream was reset");
                return 0;
            }
            _current = next;
        }
        var count = Math.Min(buffer.Length, _current.Length);
        _current[..count].CopyTo(buffer);
        _current = _current[count..];
        Interlocked.Add(ref _buffered, -count);
        // Credit back in batches (half a window), so a busy stream sends few CREDIT frames.
        _consumedSinceGrant += count;
        if (_consumedSinceGrant >= TunnelFrames.Window / 2)
        {
            var grant = _consumedSinceGrant;
            _consumedSinceGrant = 0;
            Interlocked.Add(ref _unacknowledged, -grant);
            await _tunnel.SendAsync(TunnelFrames.Credit(Id, grant), cancellationToken);
        }
        return count;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            if (_reset) throw new IOException("The tunnel stream was reset");
            var available = Volatile.Read(ref _credit);
            if (available <= 0)
            {
                await _creditChanged.WaitAsync(cancellationToken);
                continue;
            }
            var chunk = Math.Min(Math.Min(buffer.Length, TunnelFrames.MaxData), available);
            Interlocked.Add(ref _credit, -chunk);
            await _tunnel.SendAsync(TunnelFrames.Data(Id, buffer.Span[..chunk]), cancellationToken);
            buffer = buffer[chunk..];
        }
    }

    public async Task CloseSendingAsync(CancellationToken cancellationToken)
    {
        if (_sentFin || _reset) return;
        _sentFin = true;
        await _tunnel.SendAsync(TunnelFrames.Fin(Id), cancellationToken);
        if (_receivedFin) _tunnel.Forget(Id);
    }

    /// <summary>A DATA frame came; false (and nothing kept) when it breaks the window or the frame size, or the stream is over.</summary>
    internal bool Received(byte[] data)
    {
        if (_reset) return true;
        if (data.Length > TunnelFrames.MaxData || Interlocked.Add(ref _unacknowledged, data.Length) > TunnelFrames.Window) return false;
        Interlocked.Add(ref _buffered, data.Length);
        return _inbound.Writer.TryWrite(data);
    }

    internal void Credited(int bytes)
    {
        Interlocked.Add(ref _credit, bytes);
        Wake();
    }

    private void Wake()
    {
        try
        {
            _creditChanged.Release();
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: no writer waits any more.
        }
    }

    internal void RemoteFinished()
    {
        _receivedFin = true;
        _inbound.Writer.TryComplete();
        if (_sentFin) _tunnel.Forget(Id);
    }

    internal void RemoteReset()
    {
        _reset = true;
        _inbound.Writer.TryComplete();
        Wake();
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_reset && !(_sentFin && _receivedFin)) await _tunnel.TrySendAsync(TunnelFrames.Reset(Id));
        _tunnel.Forget(Id);
        _reset = true;
        _creditChanged.Dispose();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_reset)
        {
            _reset = true;
            _tunnel.Forget(Id);
            _ = _tunnel.TrySendAsync(TunnelFrames.Reset(Id));
        }
        base.Dispose(disposing);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
