using Identity.Domain.Devices;

namespace Identity.Application.Ports;

/// <summary>Devices' credentials, by their client id (the device's <c>remote_device_id</c>).</summary>
public interface IDeviceCredentials
{
    Task<DeviceCredential?> FindAsync(string remoteDeviceId, CancellationToken cancellationToken);

    /// <summary>Stores a device's credentials; a device already known keeps the ones it has (a redelivered event changes nothing).</summary>
    Task AddAsync(DeviceCredential credential, CancellationToken cancellationToken);

    /// <summary>Replaces the device's secret hash (null: revoked, no secret signs in) in one write.</summary>
    Task ReplaceSecretAsync(string remoteDeviceId, string? secretHash, DateTime now, CancellationToken cancellationToken);
}
