using Devices.Application.Ports;
using Devices.Domain.Devices;
using Platform.Application;
using Platform.Application.Results;

namespace Devices.Application.Devices;

/// <summary>How a use case finds the device a caller may act on; anyone else's device is not found, never shown.</summary>
public static class DeviceAccess
{
    public const string NotFound = "Device not found";
    public const string NotBoundToDevice = Caller.NotBoundToDevice;

    /// <summary>A device the caller owns.</summary>
    public static async Task<Result<Device>> OwnedAsync(this IDeviceRepository devices, Caller caller, string remoteDeviceId, CancellationToken cancellationToken) =>
        await devices.FindAsync(remoteDeviceId, cancellationToken) is { } device && device.IsOwnedBy(caller.UserId) ? device : Error.NotFound(NotFound);

    /// <summary>The device a caller named: any spelling of its UUID; null for anything else or an unknown device.</summary>
    public static async Task<Device?> FindAsync(this IDeviceRepository devices, string? remoteDeviceId, CancellationToken cancellationToken) =>
        Guid.TryParse(remoteDeviceId, out var id) ? await devices.GetAsync(id.ToString(), cancellationToken) : null;

    /// <summary>
    /// Applies <paramref name="change"/> to the device as stored and saves it; when another write came first (a
    /// heartbeat, say), reads it again and applies it again. Returns the device as saved, or as read when the change
    /// changed nothing (returned false); null when there is no such device.
    /// </summary>
    public static async Task<Device?> ChangeAsync(this IDeviceRepository devices, string remoteDeviceId, Func<Device, bool> change,
        CancellationToken cancellationToken) =>
        await devices.GetAsync(remoteDeviceId, cancellationToken) is { } device ? await devices.ChangeAsync(device, change, cancellationToken) : null;

    /// <summary>As above, starting from <paramref name="read"/>, the device as the caller has just read it (no second read).</summary>
    public static async Task<Device?> ChangeAsync(this IDeviceRepository devices, Device read, Func<Device, bool> change, CancellationToken cancellationToken)
    {
        for (Device? device = read; device is not null; device = await devices.GetAsync(read.Id, cancellationToken))
        {
            if (!change(device) || await devices.TrySaveAsync(device, cancellationToken)) return device;
        }
        return null;
    }

    /// <summary>The device an agent token is bound to (its <c>remote_device_id</c>); a user token is a 400.</summary>
    public static async Task<Result<Device>> OfAgentAsync(this IDeviceRepository devices, Caller caller, CancellationToken cancellationToken)
    {
        if (caller.RemoteDeviceId is not { } id) return Error.Validation(NotBoundToDevice);
        var device = await devices.GetAsync(id, cancellationToken);
        return device is not null && device.IsOwnedBy(caller.UserId) ? device : Error.NotFound(NotFound);
    }
}
