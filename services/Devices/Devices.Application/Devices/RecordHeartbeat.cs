using Devices.Application.Ports;
using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Devices.Application.Devices;

/// <summary>A device's agent says it is alive; a device that was offline comes online (<c>DeviceOnline</c>).</summary>
public sealed record RecordHeartbeat(Caller Caller) : ICommand<Result<Heartbeat>>;

/// <summary>The heartbeat's answer: the device is online, and goes offline after this long without another.</summary>
public sealed record Heartbeat(string RemoteDeviceId, TimeSpan OfflineAfter);

public sealed class RecordHeartbeatHandler(IDeviceRepository devices, DevicesOptions options, TimeProvider clock)
    : ICommandHandler<RecordHeartbeat, Result<Heartbeat>>
{
    public async ValueTask<Result<Heartbeat>> Handle(RecordHeartbeat command, CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = await devices.OfAgentAsync(command.Caller, cancellationToken);
            if (!found.IsSuccess) return found.Error!;
            var device = found.Value;
            device.Heartbeat(clock.GetUtcNow().UtcDateTime);
            if (await devices.TrySaveAsync(device, cancellationToken)) return new Heartbeat(device.Id, options.OfflineAfter);
        }
    }
}
