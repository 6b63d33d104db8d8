using System.Net;
using System.Text;

namespace ProxyNode.Sessions;

/// <summary>
/// One HTTP CONNECT session: <c>CONNECT host:port HTTP/1.1</c> with <c>Proxy-Authorization: Basic</c> (user name: the
/// connectionId), then the relay. Answers 407 (with <c>Proxy-Authenticate</c>) for missing or bad credentials, 403 for a
/// blocked target, 502 when the exit can't be reached, 429 when the connection has too many sessions, 400 for a malformed
/// request and 405 for any method but CONNECT. Bytes the client sent after the request head (a TLS hello, say) go to the
/// target first.
/// </summary>
public sealed class HttpConnectSession(ISessionGate gate, IExitDialer dialer, SessionOptions options)
{
    public async Task<SessionOutcome> RunAsync(Stream client, CancellationToken cancellationToken)
    {
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handshake.CancelAfter(options.HandshakeTimeout);
        var (head, early) = await ReadHeadAsync(client, handshake.Token);
        if (head is null) return await AnswerAsync(client, 400, "Bad Request", SessionExit.Refused(), handshake.Token);

        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            return await AnswerAsync(client, 400, "Bad Request", SessionExit.Refused(), handshake.Token);
        if (requestLine[0] != "CONNECT") return await AnswerAsync(client, 405, "Method Not Allowed", SessionExit.Refused(), handshake.Token);
        var target = ParseAuthority(requestLine[1]);
        if (target is null) return await AnswerAsync(client, 400, "Bad Request", SessionExit.Refused(), handshake.Token);

        var credentials = Credentials(lines.Skip(1));
        var ticket = credentials is { } c ? gate.Admit(c.User, c.Password) : null;
        if (ticket is null)
            return await AnswerAsync(client, 407, "Proxy Authentication Required", SessionExit.Refused(credentials?.User, target: target), handshake.Token,
                "Proxy-Authenticate: Basic realm=\"proxy\"\r\n");
        return await SessionExit.RunAsync(ticket, target, client, dialer, options, refusal => refusal switch
        {
            null => WriteAsync(client, "HTTP/1.1 200 Connection Established\r\n\r\n", handshake.Token),
            ExitRefusal.Blocked => Answer(client, 403, "Forbidden", handshake.Token),
            ExitRefusal.TooManySessions => Answer(client, 429, "Too Many Requests", handshake.Token),
            _ => Answer(client, 502, "Bad Gateway", handshake.Token),
        }, early, handshake.Token, cancellationToken);
    }

    /// <summary>The request head (up to the blank line, at most the configured size), and what came after it in the same reads.</summary>
    private async Task<(string? Head, byte[] Early)> ReadHeadAsync(Stream client, CancellationToken cancellationToken)
    {
        var buffer = new byte[options.MaxRequestHeadBytes];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await client.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0) return (null, []);
            var searchFrom = Math.Max(0, filled - 3);
            filled += read;
            var end = buffer.AsSpan(searchFrom, filled - searchFrom).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var headLength = searchFrom + end;
                return (Encoding.Latin1.GetString(buffer, 0, headLength), buffer[(headLength + 4)..filled]);
            }
        }
        return (null, []);
    }

    /// <summary>host:port, [v6]:port; null when it isn't one (a port is required).</summary>
    internal static ProxyTarget? ParseAuthority(string authority)
    {
        var colon = authority.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(authority.AsSpan(colon + 1), System.Globalization.NumberStyles.None, null, out var port) || port is < 1 or > 65535)
            return null;
        var host = authority[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
            return IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? new ProxyTarget(v6.ToString(), port, TargetType.IPv6)
                : null;
        if (host.Length == 0 || host.Contains(':')) return null;
        return IPAddress.TryParse(host, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && host.Count(ch => ch == '.') == 3
            ? new ProxyTarget(v4.ToString(), port, TargetType.IPv4)
            : new ProxyTarget(host, port, TargetType.Domain);
    }

    /// <summary>The Basic credentials of the Proxy-Authorization header, if any.</summary>
    private static (string User, string Password)? Credentials(IEnumerable<string> headers)
    {
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':');
            if (colon < 0 || !header.AsSpan(0, colon).Trim().Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)) continue;
            var value = header[(colon + 1)..].Trim();
            if (!value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value[6..].Trim()));
                var separator = decoded.IndexOf(':');
                return separator < 0 ? null : (decoded[..separator], decoded[(separator + 1)..]);
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return null;
    }

    private static Task Answer(Stream client, int status, string reason, CancellationToken cancellationToken, string extraHeaders = "") =>
        WriteAsync(client, $"HTTP/1.1 {status} {reason}\r\n{extraHeaders}Content-Length: 0\r\nConnection: close\r\n\r\n", cancellationToken);

    private static async Task<SessionOutcome> AnswerAsync(Stream client, int status, string reason, SessionOutcome outcome, CancellationToken cancellationToken,
        string extraHeaders = "")
    {
        await Answer(client, status, reason, cancellationToken, extraHeaders);
        return outcome;
    }

    private static async Task WriteAsync(Stream client, string text, CancellationToken cancellationToken)
    {
        await client.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken);
        await client.FlushAsync(cancellationToken);
    }
}
