using Proxy.Domain.Devices;

namespace Proxy.Application.Ports;

/// <summary>Proxy's copy of the devices, fed by Devices' events.</summary>
public interface IProxyDevices
{
    Task<ProxyDevice?> GetAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="device"/> when its revision is newer than the copy held.</summary>
    Task RecordAsync(ProxyDevice device, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProxyDevice>> ListOwnedAsync(string ownerId, CancellationToken cancellationToken);
}
