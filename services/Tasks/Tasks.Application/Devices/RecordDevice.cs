using Mediator;
using Platform.Application.Results;
using Tasks.Application.Assignment;
using Tasks.Application.Ports;
using Tasks.Domain.Devices;

namespace Tasks.Application.Devices;

/// <summary>Devices announced a device's state (registered, settings, online, offline): Tasks keeps the newest copy.</summary>
public sealed record RecordDevice(Device Device, DateTime HeardAt) : ICommand<Result>;

public sealed class RecordDeviceHandler(IDeviceReplica devices, AssignmentSignal signal) : ICommandHandler<RecordDevice, Result>
{
    public async ValueTask<Result> Handle(RecordDevice command, CancellationToken cancellationToken)
    {
        await devices.RecordAsync(command.Device, command.HeardAt, cancellationToken);
        // A device that came online (or changed what it takes) may take waiting work now rather than at the next sweep.
        if (command.Device.Online) signal.Wake();
        return Result.Success();
    }
}
