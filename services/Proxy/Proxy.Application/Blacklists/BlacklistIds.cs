using Platform.Application;
using Platform.Application.Results;
using Proxy.Application.Connections;
using Proxy.Application.Ports;
using Proxy.Domain.Blacklists;

namespace Proxy.Application.Blacklists;

/// <summary>Which list a caller names: the global one, or a device they own (any spelling of its UUID).</summary>
public static class BlacklistIds
{
    public static async Task<Result<string>> OfAsync(IProxyDevices devices, Caller? caller, string? deviceId, CancellationToken cancellationToken)
    {
        if (deviceId is null) return Blacklist.GlobalId;
        if (caller is null || await devices.OwnedDeviceAsync(caller, deviceId, cancellationToken) is not { } device)
            return Error.NotFound(ConnectionAccess.DeviceNotFound);
        return Blacklist.OfDevice(device.Id);
    }
}
