namespace Platform.Contracts.Proxy;

/// <summary>
/// A proxy connection changed (created, password rotated, routed through another device or none, its blacklist, or
/// deleted): what a proxy node needs to authenticate and route it. <see cref="Change"/> says what changed; on
/// "device-removed" and "deleted" the nodes end the connection's open sessions. <see cref="Revision"/> (its stored
/// version) orders changes of one connection.
/// </summary>
public sealed record ConnectionChanged(
    string ConnectionId,
    string? DeviceId,
    string PasswordHash,
    IReadOnlyList<string> BlockedDomains,
    string Change,
    bool Deleted,
    long Revision) : IntegrationEvent;

/// <summary>The global blacklist (<paramref name="DeviceId"/> null) or a device's changed: its whole list now.</summary>
public sealed record ProxyBlacklistChanged(string? DeviceId, IReadOnlyList<string> Domains, long Revision) : IntegrationEvent;
