namespace ProxyNode.Sessions;

/// <summary>What the protocol answers its client once the target is decided: connected, or one of these refusals.</summary>
public enum ExitRefusal
{
    Blocked,
    TooManySessions,
    Unreachable,
}

/// <summary>
/// A session after its protocol's handshake, the same for SOCKS5 and HTTP CONNECT: the blacklists, a session slot of
/// the connection, the exit, the protocol's answer (<paramref name="answer"/>: null for connected), then the relay
/// until the session ends or its connection is revoked.
/// </summary>
public static class SessionExit
{
    public static async Task<SessionOutcome> RunAsync(ISessionTicket ticket, ProxyTarget target, Stream client, IExitDialer dialer, SessionOptions options,
        Func<ExitRefusal?, Task> answer, ReadOnlyMemory<byte> early, CancellationToken handshake, CancellationToken cancellationToken)
    {
        if (ticket.BlockReasonFor(target) is { } reason)
        {
            await answer(ExitRefusal.Blocked);
            return new SessionOutcome(ticket.ConnectionId, ticket.DeviceId, target, SessionAction.Blocked, reason, 0, 0);
        }
        if (!ticket.TryOpenSession())
        {
            await answer(ExitRefusal.TooManySessions);
            return Refused(ticket.ConnectionId, ticket.DeviceId, target, SessionLimitReached);
        }
        try
        {
            var opening = await dialer.OpenAsync(ticket.DeviceId, target, handshake);
            await using var exit = opening.Stream;
            if (exit is null)
            {
                if (opening.Forbidden)
                {
                    await answer(ExitRefusal.Blocked);
                    return new SessionOutcome(ticket.ConnectionId, ticket.DeviceId, target, SessionAction.Blocked, DestinationRefused, 0, 0);
                }
                await answer(ExitRefusal.Unreachable);
                return Refused(ticket.ConnectionId, ticket.DeviceId, target, DeviceUnreachable);
            }
            await answer(null);
            // Bytes the client sent after its request (a TLS hello, say) go to the target first.
            if (!early.IsEmpty) await exit.WriteAsync(early, handshake);
            using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ticket.Revoked);
            var (bytesIn, bytesOut) = await Relay.RunAsync(client, exit, options.IdleTimeout, session.Token);
            return new SessionOutcome(ticket.ConnectionId, ticket.DeviceId, target, SessionAction.Allowed, null, bytesIn, bytesOut + early.Length)
            {
                ResolvedIp = (exit as IReachedAddress)?.RemoteAddress ?? (target.Type == TargetType.Domain ? null : target.Host),
            };
        }
        finally
        {
            ticket.CloseSession();
        }
    }

    public const string SessionLimitReached = "session limit reached";
    public const string DeviceUnreachable = "device unreachable";
    public const string DestinationRefused = "destination refused by the device: not a public address (loopback, private, link-local, multicast or unspecified)";

    /// <summary>A session refused before it reached a target: bad credentials, too many sessions, no exit, a malformed request.</summary>
    public static SessionOutcome Refused(string? connectionId = null, string? deviceId = null, ProxyTarget? target = null, string? reason = null) =>
        new(connectionId, deviceId, target, SessionAction.Refused, reason, 0, 0);
}
