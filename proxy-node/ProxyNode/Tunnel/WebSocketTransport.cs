using System.Net.WebSockets;

namespace ProxyNode.Tunnel;

/// <summary>
/// A tunnel over a WebSocket: one binary message per frame. The node serves it (agents connect to its /tunnel with
/// their agent token); the agent dials it. A message larger than any frame, or a text message, ends the tunnel.
/// </summary>
public sealed class WebSocketTransport(WebSocket socket) : ITunnelTransport
{
    /// <summary>The largest frame: a full DATA frame (an OPEN, with its name of at most 255 bytes, is far shorter).</summary>
    public const int MaxFrame = TunnelFrames.HeaderSize + TunnelFrames.MaxData;

    private readonly byte[] _received = new byte[MaxFrame];

    /// <summary>Sends one frame; a socket that fails under it is a closed tunnel to every caller (an IOException).</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
        }
        catch (WebSocketException e)
        {
            throw new IOException("The tunnel failed", e);
        }
    }

    /// <summary>The next frame (valid until the next call: the tunnel copies what it keeps), or null once the socket closed.</summary>
    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        while (true)
        {
            if (filled == _received.Length) return await RefuseAsync("frame too large");
            var result = await socket.ReceiveAsync(_received.AsMemory(filled), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseQuietlyAsync(WebSocketCloseStatus.NormalClosure, null);
                return null;
            }
            if (result.MessageType != WebSocketMessageType.Binary) return await RefuseAsync("binary frames only");
            filled += result.Count;
            if (result.EndOfMessage) return _received.AsMemory(0, filled);
        }
    }

    private async Task<ReadOnlyMemory<byte>?> RefuseAsync(string why)
    {
        await CloseQuietlyAsync(WebSocketCloseStatus.ProtocolError, why);
        return null;
    }

    /// <summary>Ends the tunnel from this side (a close handshake when the socket still can).</summary>
    public Task CloseAsync() => CloseQuietlyAsync(WebSocketCloseStatus.NormalClosure, null);

    private async Task CloseQuietlyAsync(WebSocketCloseStatus status, string? why)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(status, why, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
        }
    }
}
