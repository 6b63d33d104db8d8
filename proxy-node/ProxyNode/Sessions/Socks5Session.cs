using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace ProxyNode.Sessions;

/// <summary>
/// One SOCKS5 session (RFC 1928), username/password authentication only (RFC 1929; the user name is the connectionId):
/// greeting, authentication, a CONNECT to a domain, IPv4 or IPv6 target, then the relay through the exit. The target is
/// checked against the blacklists before anything is dialled (a blocked name is never resolved: names are resolved at
/// the exit). Replies: 0x02 blocked, 0x04 exit unreachable, 0x05 too many sessions, 0x07 a command other than CONNECT,
/// 0x08 an unknown address type; bad credentials: the RFC 1929 failure status.
/// </summary>
public sealed class Socks5Session(ISessionGate gate, IExitDialer dialer, SessionOptions options)
{
    private const byte Version = 5;
    private const byte UserPassword = 0x02;
    private const byte NoAcceptableMethod = 0xFF;

    public async Task<SessionOutcome> RunAsync(Stream client, CancellationToken cancellationToken)
    {
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handshake.CancelAfter(options.HandshakeTimeout);
        var io = new Framed(client);

        // Greeting: VER, NMETHODS, METHODS.
        var greeting = await io.ReadAsync(2, handshake.Token);
        if (greeting is null || greeting[0] != Version) return SessionExit.Refused();
        var methods = await io.ReadAsync(greeting[1], handshake.Token);
        if (methods is null || !methods.Contains(UserPassword))
        {
            await io.WriteAsync([Version, NoAcceptableMethod], handshake.Token);
            return SessionExit.Refused();
        }
        await io.WriteAsync([Version, UserPassword], handshake.Token);

        // RFC 1929: VER 1, ULEN, UNAME, PLEN, PASSWD.
        var authVersion = await io.ReadAsync(2, handshake.Token);
        if (authVersion is null || authVersion[0] != 1) return SessionExit.Refused();
        var user = await io.ReadAsync(authVersion[1], handshake.Token);
        var passwordLength = await io.ReadAsync(1, handshake.Token);
        var password = passwordLength is null ? null : await io.ReadAsync(passwordLength[0], handshake.Token);
        if (user is null || password is null) return SessionExit.Refused();
        var connectionId = Encoding.UTF8.GetString(user);
        var ticket = gate.Admit(connectionId, Encoding.UTF8.GetString(password));
        await io.WriteAsync([1, ticket is null ? (byte)1 : (byte)0], handshake.Token);
        if (ticket is null) return SessionExit.Refused(connectionId);

        // Request: VER, CMD, RSV, ATYP, DST.ADDR, DST.PORT.
        var request = await io.ReadAsync(4, handshake.Token);
        if (request is null || request[0] != Version) return SessionExit.Refused(connectionId, ticket.DeviceId);
        var target = await ReadTargetAsync(io, request[3], handshake.Token);
        if (request[1] != 1) return await ReplyAsync(io, 0x07, SessionExit.Refused(connectionId, ticket.DeviceId, target), handshake.Token);
        if (target is null) return await ReplyAsync(io, 0x08, SessionExit.Refused(connectionId, ticket.DeviceId), handshake.Token);

        // Succeeded (0x00): the bound address is not the client's business (the exit is a phone), so 0.0.0.0:0.
        return await SessionExit.RunAsync(ticket, target, client, dialer, options, refusal => Reply(io, refusal switch
        {
            null => 0x00,
            ExitRefusal.Blocked => 0x02,
            ExitRefusal.TooManySessions => 0x05,
            _ => 0x04,
        }, handshake.Token), ReadOnlyMemory<byte>.Empty, handshake.Token, cancellationToken);
    }

    private static async Task<ProxyTarget?> ReadTargetAsync(Framed io, byte addressType, CancellationToken cancellationToken)
    {
        string? host;
        TargetType type;
        switch (addressType)
        {
            case 0x01:
                host = await io.ReadAsync(4, cancellationToken) is { } v4 ? new IPAddress(v4).ToString() : null;
                type = TargetType.IPv4;
                break;
            case 0x03:
                var length = await io.ReadAsync(1, cancellationToken);
                host = length is null || length[0] == 0 ? null : await io.ReadAsync(length[0], cancellationToken) is { } name ? Encoding.ASCII.GetString(name) : null;
                type = TargetType.Domain;
                break;
            case 0x04:
                host = await io.ReadAsync(16, cancellationToken) is { } v6 ? new IPAddress(v6).ToString() : null;
                type = TargetType.IPv6;
                break;
            default:
                return null;
        }
        var port = await io.ReadAsync(2, cancellationToken);
        return host is null || port is null ? null : new ProxyTarget(host, BinaryPrimitives.ReadUInt16BigEndian(port), type);
    }

    private static Task Reply(Framed io, byte code, CancellationToken cancellationToken) => io.WriteAsync([Version, code, 0x00, 0x01, 0, 0, 0, 0, 0, 0], cancellationToken);

    private static async Task<SessionOutcome> ReplyAsync(Framed io, byte code, SessionOutcome outcome, CancellationToken cancellationToken)
    {
        await Reply(io, code, cancellationToken);
        return outcome;
    }

    /// <summary>Exact-length reads and writes on the client's stream; null when it closes first.</summary>
    private sealed class Framed(Stream stream)
    {
        public async Task<byte[]?> ReadAsync(int count, CancellationToken cancellationToken)
        {
            var buffer = new byte[count];
            try
            {
                await stream.ReadExactlyAsync(buffer, cancellationToken);
                return buffer;
            }
            catch (EndOfStreamException)
            {
                return null;
            }
        }

        public async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(bytes, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
    }
}

/// <summary>The node's session limits: how long a handshake may take, how long a session may sit idle, how many one connection may hold open.</summary>
public sealed record SessionOptions
{
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public int MaxSessionsPerConnection { get; init; } = 64;
    /// <summary>The longest HTTP CONNECT request head (request line and headers) read.</summary>
    public int MaxRequestHeadBytes { get; init; } = 8 * 1024;
}
