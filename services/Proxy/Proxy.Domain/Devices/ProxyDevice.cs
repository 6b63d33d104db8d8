namespace Proxy.Domain.Devices;

/// <summary>
/// Proxy's copy of a device (from Devices' events, the newest revision kept): whose it is, what the admin list shows of
/// it, and its own blacklist (route 58), which is Proxy's and survives the device's events.
/// </summary>
public sealed record ProxyDevice
{
    public required string Id { get; init; }
    public required string OwnerId { get; init; }
    public required string Name { get; init; }
    public string Brand { get; init; } = string.Empty;
    public string Model { get; init; } = string.Empty;
    public required string Country { get; init; }
    public required bool Online { get; init; }
    public required bool IsOnMarket { get; init; }
    public string? RenterId { get; init; }
    public required long Revision { get; init; }

    public bool IsOwnedBy(string userId) => OwnerId == userId;
}
