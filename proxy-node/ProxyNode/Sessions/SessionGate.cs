namespace ProxyNode.Sessions;

/// <summary>What a session asks to reach: a domain name (resolved at the exit, never here) or an IP address, and a port.</summary>
public sealed record ProxyTarget(string Host, int Port, TargetType Type)
{
    /// <summary>host:port as the request log shows it ([v6]:port for IPv6).</summary>
    public override string ToString() => Type == TargetType.IPv6 ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}

public enum TargetType
{
    Domain,
    IPv4,
    IPv6,
}

/// <summary>
/// A credential the node let in: the connection, the device its sessions exit through, and the rules for where they
/// may go. Handed out per session by <see cref="ISessionGate"/>, from the control plane's state as the node last heard it.
/// </summary>
public interface ISessionTicket
{
    string ConnectionId { get; }

    string DeviceId { get; }

    /// <summary>Why the target is refused (the blacklist and entry that block it), or null when it may be reached.</summary>
    string? BlockReasonFor(ProxyTarget target);

    /// <summary>Takes one of the connection's session slots; false when it has as many open sessions as it may.</summary>
    bool TryOpenSession();

    /// <summary>Gives the slot back when the session ends.</summary>
    void CloseSession();

    /// <summary>Cancelled when the connection is deleted or loses its device: its open sessions end.</summary>
    CancellationToken Revoked { get; }
}

/// <summary>Checks a session's credentials (the SOCKS5 user name is the connectionId) against the control plane's state.</summary>
public interface ISessionGate
{
    /// <summary>The ticket for these credentials, or null when they let nothing in (unknown, wrong password, no device).</summary>
    ISessionTicket? Admit(string connectionId, string password);
}

/// <summary>Opens a stream to the target from the device's side (its agent's tunnel); null when the device can't be reached.</summary>
/// <summary>An exit stream that knows which address it reached (the tunnel's: the agent says so when it opens it).</summary>
public interface IReachedAddress
{
    string? RemoteAddress { get; }
}

public interface IExitDialer
{
    Task<ExitOpening> OpenAsync(string deviceId, ProxyTarget target, CancellationToken cancellationToken);
}

/// <summary>What opening an exit came to: the stream to the target, or none (the device is unreachable, or it refused the destination).</summary>
public readonly record struct ExitOpening(Stream? Stream, bool Forbidden = false)
{
    /// <summary>The device refuses the destination (not a public address): the session is blocked, not failed.</summary>
    public static ExitOpening ForbiddenTarget => new(null, Forbidden: true);

    public static implicit operator ExitOpening(Stream? stream) => new(stream);
}

/// <summary>How one session went, for the request log.</summary>
public sealed record SessionOutcome(string? ConnectionId, string? DeviceId, ProxyTarget? Target, SessionAction Action, string? BlockReason, long BytesIn,
    long BytesOut)
{
    /// <summary>When the client connected (the listener sets it).</summary>
    public DateTime StartedAt { get; init; }

    /// <summary>The address the exit reached (a name is resolved there, not at the node); null when not known.</summary>
    public string? ResolvedIp { get; init; }
}

public enum SessionAction
{
    Allowed,
    Blocked,
    /// <summary>Refused before a target was known or reached: bad credentials, too many sessions, device unreachable, a malformed request.</summary>
    Refused,
}
