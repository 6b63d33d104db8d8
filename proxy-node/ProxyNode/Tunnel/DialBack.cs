using System.Net.Sockets;
using System.Text;

namespace ProxyNode.Tunnel;

/// <summary>
/// A dial-back connection: the agent connects to the node's streams port (which the node names in the tunnel's
/// handshake, <see cref="PortHeader"/>) and sends <c>version (1) | key (16) | address length (1) | address</c>, the
/// address being what the phone reached for the target; from then on the connection carries the stream's bytes as they
/// are, with TCP's own flow control and half-close. A key nobody waits for, or a malformed preamble, is closed at once.
/// </summary>
public static class DialBack
{
    public const byte Version = 1;

    /// <summary>The tunnel's response header naming the node's streams port (the agent connects to the tunnel's host on it).</summary>
    public const string PortHeader = "X-Tunnel-Streams-Port";

    /// <summary>The tunnel's request header by which an agent says it dials back (<c>dial-back</c>).</summary>
    public const string RequestHeader = "X-Tunnel-Streams";

    public static byte[] Preamble(byte[] key, string? reachedAddress)
    {
        var address = Encoding.ASCII.GetBytes(reachedAddress ?? string.Empty);
        if (address.Length > 255) address = [];
        return [Version, .. key, (byte)address.Length, .. address];
    }

    /// <summary>Agent side: connects to the node's streams port and presents the key; the connection, ready for the stream's bytes.</summary>
    public static async Task<Stream> ConnectAsync(string host, int port, byte[] key, string? reachedAddress, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(host, port, cancellationToken);
            await client.GetStream().WriteAsync(Preamble(key, reachedAddress), cancellationToken);
            return new NetworkStream(client.Client, ownsSocket: true);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Node side: reads a preamble; the key (hex) and the reached address, or null when it is not one.</summary>
    public static async Task<(string Key, string? ReachedAddress)?> ReadPreambleAsync(Stream connection, CancellationToken cancellationToken)
    {
        var head = new byte[1 + TunnelFrames.DialBackKeySize + 1];
        await connection.ReadExactlyAsync(head, cancellationToken);
        if (head[0] != Version) return null;
        var address = new byte[head[^1]];
        if (address.Length > 0) await connection.ReadExactlyAsync(address, cancellationToken);
        return (Convert.ToHexString(head, 1, TunnelFrames.DialBackKeySize), address.Length == 0 ? null : Encoding.ASCII.GetString(address));
    }
}
