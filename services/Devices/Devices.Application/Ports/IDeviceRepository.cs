using Devices.Domain.Devices;
using Platform.Application.Paging;

namespace Devices.Application.Ports;

/// <summary>Devices, each stored with the integration events mapped from what it recorded (one write).</summary>
public interface IDeviceRepository
{
    Task<Device?> GetAsync(string remoteDeviceId, CancellationToken cancellationToken);

    /// <summary>Stores a new device with its events; false when its name is already taken (names are unique).</summary>
    Task<bool> TryAddAsync(Device device, CancellationToken cancellationToken);

    /// <summary>Saves a device read at <see cref="Device.Version"/>; false when it changed since (read it again).</summary>
    Task<bool> TrySaveAsync(Device device, CancellationToken cancellationToken);

    /// <summary>The devices the user owns or rents now, oldest first.</summary>
    Task<IReadOnlyList<Device>> ListOwnedOrRentedAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Online devices listed on the market with <paramref name="paymentType"/> and not rented, by country (then name),
    /// optionally of one country.
    /// </summary>
    Task<IReadOnlyList<Device>> ListMarketAsync(DevicePaymentType paymentType, string? country, SortDirection direction, CancellationToken cancellationToken);

    /// <summary>Rentals that started at or before <paramref name="startedBefore"/> and whose billing was never opened, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Device>> FindUnbilledRentalsAsync(DateTime startedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>Online devices whose last heartbeat is at or before <paramref name="heardBefore"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Device>> FindSilentAsync(DateTime heardBefore, int limit, CancellationToken cancellationToken);
}
