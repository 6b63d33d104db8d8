using Mediator;
using Platform.Application.Results;
using Proxy.Application.Ports;
using Proxy.Domain.Devices;

namespace Proxy.Application.Devices;

/// <summary>Devices announced a device (any of its events carries its snapshot): Proxy's copy keeps the newest revision.</summary>
public sealed record RecordProxyDevice(ProxyDevice Device) : ICommand<Result>;

public sealed class RecordProxyDeviceHandler(IProxyDevices devices) : ICommandHandler<RecordProxyDevice, Result>
{
    public async ValueTask<Result> Handle(RecordProxyDevice command, CancellationToken cancellationToken)
    {
        await devices.RecordAsync(command.Device, cancellationToken);
        return Result.Success();
    }
}
