using Mediator;
using Microsoft.Extensions.Logging;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Application.Tasks;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Assignment;

/// <summary>
/// Keeps devices' claims true. A claim whose task was never stored (a crash half way through an assignment), or whose
/// task no longer runs, is let go after <see cref="AssignmentOptions.ClaimTimeout"/>. A task whose device has been offline
/// for <see cref="AssignmentOptions.OfflineGrace"/> fails ("The device went offline"), its position and its planned
/// task go back to the job (the planned task to the pool, for another device), and the device is freed. Returns how
/// many claims it let go.
/// </summary>
public sealed record RecoverDeviceTasks : ICommand<Result<int>>;

public sealed class RecoverDeviceTasksHandler(IDeviceReplica devices, IJobTaskRepository tasks, IPlannedTaskRepository plannedTasks, TaskOutcomes outcomes,
    AssignmentOptions options, AssignmentSignal signal, TimeProvider clock, ILogger<RecoverDeviceTasksHandler> logger)
    : ICommandHandler<RecoverDeviceTasks, Result<int>>
{
    public const string WentOffline = "The device went offline";
    private const int Batch = 1000;

    public async ValueTask<Result<int>> Handle(RecoverDeviceTasks command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var released = 0;
        foreach (var device in await devices.ListClaimedAsync(now, Batch, cancellationToken))
        {
            var taskId = device.RunningTaskId!;
            var task = await tasks.GetAsync(taskId, cancellationToken);
            var claimIsOld = device.ClaimedAt <= now - options.ClaimTimeout;
            if (task is { Status: JobTaskStatus.Running } && !device.Online && device.OfflineSince <= now - options.OfflineGrace)
            {
                if (!await FailAsync(task, now, cancellationToken)) continue;
            }
            else if (!(claimIsOld && task is not { Status: JobTaskStatus.Running }))
            {
                continue;
            }
            await devices.ReleaseAsync(device.Id, taskId, cancellationToken);
            released++;
        }
        if (released > 0) signal.Wake();
        return released;
    }

    private async Task<bool> FailAsync(JobTask task, DateTime now, CancellationToken cancellationToken)
    {
        task.CompleteOnDevice(JobTaskStatus.Failed, null, WentOffline, now);
        if (!await tasks.TrySaveAsync(task, cancellationToken)) return false;
        await outcomes.AfterMoveAsync(JobTaskStatus.Running, task, cancellationToken);
        if (await plannedTasks.FindByJobTaskAsync(task.Id, cancellationToken) is { } planned)
        {
            planned.Free();
            await plannedTasks.TrySaveAsync(planned, cancellationToken);
        }
        logger.LogWarning("Task {TaskId} failed: its device {DeviceId} went offline; its planned task is back in the pool", task.Id, task.RemoteDeviceId);
        return true;
    }
}
