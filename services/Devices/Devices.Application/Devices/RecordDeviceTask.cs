using Devices.Application.Ports;
using Devices.Domain.Devices;
using Mediator;
using Platform.Application.Results;

namespace Devices.Application.Devices;

/// <summary>
/// Tasks assigned a job task to a device (<paramref name="Started"/>: the task, its job and employer) or the task left running (null): the device shows busy
/// (isAvailable false on the market) meanwhile. Heard in any order: a release heard first wins over its assignment.
/// </summary>
public sealed record RecordDeviceTask(string RemoteDeviceId, string TaskId, RunningTask? Started) : ICommand<Result>;

public sealed class RecordDeviceTaskHandler(IDeviceRepository devices) : ICommandHandler<RecordDeviceTask, Result>
{
    public async ValueTask<Result> Handle(RecordDeviceTask command, CancellationToken cancellationToken)
    {
        await devices.ChangeAsync(command.RemoteDeviceId,
            device => command.Started is { } started ? device.StartTask(started) : device.FinishTask(command.TaskId), cancellationToken);
        return Result.Success();
    }
}
