using System.Buffers.Binary;
using System.Text;

namespace ProxyNode.Tunnel;

/// <summary>
/// The tunnel between a proxy node and a device's agent: one ordered, message-framed transport (a WebSocket's binary
/// messages) carrying many sessions ("streams"). Every frame is <c>type (1 byte) | stream id (4 bytes, big-endian) |
/// payload</c>. Only the node opens streams (ids count up from 1). Flow control is by credit: each side may have at most
/// <see cref="Window"/> bytes of a stream's DATA unacknowledged; the receiver grants credit back (WINDOW) as its side of
/// the relay has written the bytes on, so a slow reader stalls its writer at the far end and neither side buffers
/// without bound.
/// </summary>
public static class TunnelFrames
{
    /// <summary>Unacknowledged DATA bytes a side may have in flight per stream.</summary>
    public const int Window = 1024 * 1024;

    /// <summary>The most payload one DATA frame carries.</summary>
    public const int MaxData = 64 * 1024;

    public const int HeaderSize = 5;

    public static byte[] Open(uint stream, string host, int port)
    {
        var name = Encoding.UTF8.GetBytes(host);
        var frame = Header(TunnelFrameType.Open, stream, 2 + name.Length);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(HeaderSize), (ushort)port);
        name.CopyTo(frame, HeaderSize + 2);
        return frame;
    }

    /// <summary>The agent dialled the target; the payload is the address it reached (UTF-8, e.g. "93.184.215.14"), empty when it won't say.</summary>
    public static byte[] Opened(uint stream, string? address = null)
    {
        var text = Encoding.UTF8.GetBytes(address ?? string.Empty);
        var frame = Header(TunnelFrameType.Opened, stream, text.Length);
        text.CopyTo(frame, HeaderSize);
        return frame;
    }

    public static byte[] Refused(uint stream, TunnelRefusal reason)
    {
        var frame = Header(TunnelFrameType.Refused, stream, 1);
        frame[HeaderSize] = (byte)reason;
        return frame;
    }

    public static byte[] Data(uint stream, ReadOnlySpan<byte> data)
    {
        var frame = Header(TunnelFrameType.Data, stream, data.Length);
        data.CopyTo(frame.AsSpan(HeaderSize));
        return frame;
    }

    public static byte[] Credit(uint stream, int bytes)
    {
        var frame = Header(TunnelFrameType.Credit, stream, 4);
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(HeaderSize), bytes);
        return frame;
    }

    public static byte[] Fin(uint stream) => Header(TunnelFrameType.Fin, stream, 0);

    public static byte[] Reset(uint stream) => Header(TunnelFrameType.Reset, stream, 0);

    public const int DialBackKeySize = 16;

    public static byte[] OpenDialBack(uint stream, string host, int port, ReadOnlySpan<byte> key)
    {
        var name = Encoding.UTF8.GetBytes(host);
        var frame = Header(TunnelFrameType.OpenDialBack, stream, 2 + DialBackKeySize + name.Length);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(HeaderSize), (ushort)port);
        key.CopyTo(frame.AsSpan(HeaderSize + 2));
        name.CopyTo(frame, HeaderSize + 2 + DialBackKeySize);
        return frame;
    }

    /// <summary>An OPEN_DIALBACK's target and key; false when malformed.</summary>
    public static bool TryReadOpenDialBack(ReadOnlyMemory<byte> payload, out string host, out int port, out byte[] key)
    {
        host = string.Empty;
        port = 0;
        key = [];
        if (payload.Length < 3 + DialBackKeySize) return false;
        port = BinaryPrimitives.ReadUInt16BigEndian(payload.Span);
        key = payload.Span.Slice(2, DialBackKeySize).ToArray();
        host = Encoding.UTF8.GetString(payload.Span[(2 + DialBackKeySize)..]);
        return port > 0;
    }

    /// <summary>A received frame's parts; false when it is too short to be one.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> frame, out TunnelFrameType type, out uint stream, out ReadOnlyMemory<byte> payload)
    {
        type = default;
        stream = 0;
        payload = default;
        if (frame.Length < HeaderSize) return false;
        type = (TunnelFrameType)frame.Span[0];
        stream = BinaryPrimitives.ReadUInt32BigEndian(frame.Span[1..]);
        payload = frame[HeaderSize..];
        return true;
    }

    /// <summary>An OPEN's target; false when malformed.</summary>
    public static bool TryReadOpen(ReadOnlyMemory<byte> payload, out string host, out int port)
    {
        host = string.Empty;
        port = 0;
        if (payload.Length < 3) return false;
        port = BinaryPrimitives.ReadUInt16BigEndian(payload.Span);
        host = Encoding.UTF8.GetString(payload.Span[2..]);
        return port > 0;
    }

    private static byte[] Header(TunnelFrameType type, uint stream, int payloadLength)
    {
        var frame = new byte[HeaderSize + payloadLength];
        frame[0] = (byte)type;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), stream);
        return frame;
    }
}

public enum TunnelFrameType : byte
{
    /// <summary>Node → agent: open a TCP connection to the payload's port (2 bytes) and host (the rest, resolved by the agent).</summary>
    Open = 1,
    /// <summary>Agent → node: the stream's connection is open.</summary>
    Opened = 2,
    /// <summary>Agent → node: it could not be opened (1 byte: <see cref="TunnelRefusal"/>).</summary>
    Refused = 3,
    /// <summary>Either way: bytes of the stream.</summary>
    Data = 4,
    /// <summary>Either way: the receiver has passed this many more bytes on (4 bytes): the sender may send that much more.</summary>
    Credit = 5,
    /// <summary>Either way: the sender has no more to send (a half-close).</summary>
    Fin = 6,
    /// <summary>Either way: the stream is over, abruptly.</summary>
    Reset = 7,
    /// <summary>
    /// Node → agent: open a TCP connection to the payload's port (2 bytes) and host (after a 16-byte key), then carry its
    /// bytes on a connection of their own to the node's streams port (presenting the key), not in the tunnel.
    /// </summary>
    OpenDialBack = 8,
}

public enum TunnelRefusal : byte
{
    Unreachable = 1,
    NameNotResolved = 2,
    TimedOut = 3,
    /// <summary>The exit refuses the destination: it is not a public address (see <see cref="ExitTargetPolicy"/>).</summary>
    Forbidden = 4,
}
