using Tasks.Domain.Devices;

namespace Tasks.Application.Ports;

/// <summary>Tasks' copy of the devices (fed by Devices' events) and the assignment engine's claims on them.</summary>
public interface IDeviceReplica
{
    Task<Device?> GetAsync(string remoteDeviceId, CancellationToken cancellationToken);

    /// <summary>The device with this name (names are unique, compared without case), if Tasks has heard of it.</summary>
    Task<Device?> FindByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps <paramref name="snapshot"/> if it is newer (a higher revision) than the copy held; the claim on the device
    /// stays as it is. <paramref name="heardAt"/> is when Devices wrote it (the time a device went offline).
    /// </summary>
    Task RecordAsync(Device snapshot, DateTime heardAt, CancellationToken cancellationToken);

    /// <summary>Claims the free device, as read, for <paramref name="taskId"/>; false when it changed since (claimed by another, say).</summary>
    Task<bool> TryClaimAsync(Device device, string taskId, DateTime now, CancellationToken cancellationToken);

    /// <summary>Lets go of the device's claim if it is <paramref name="taskId"/>'s.</summary>
    Task ReleaseAsync(string remoteDeviceId, string taskId, CancellationToken cancellationToken);

    /// <summary>
    /// Online, free devices that <paramref name="ownerId"/> operates (owns, or rents) or that are on the market for action
    /// payment (every online, free device when <paramref name="ownerId"/> is null), at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<Device>> ListFreeAsync(string? ownerId, int limit, CancellationToken cancellationToken);

    /// <summary>Devices claimed at or before <paramref name="claimedBefore"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Device>> ListClaimedAsync(DateTime claimedBefore, int limit, CancellationToken cancellationToken);
}
