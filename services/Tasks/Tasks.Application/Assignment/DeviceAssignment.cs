using Microsoft.Extensions.Logging;
using Platform.Application.Ids;
using Tasks.Application.Ports;
using Tasks.Domain.Devices;
using Tasks.Domain.Jobs;
using Tasks.Domain.PlannedTasks;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Assignment;

/// <summary>
/// The assignment engine: gives free planned tasks of active automation jobs to free online devices that may run them
/// (the employer's own, or others' on the market for action payment; a planned task pinned to a device goes to that
/// device only). One assignment claims three things in order, each by a conditional write, and gives back what it
/// took when a later one fails: the device (so it never runs two tasks), a position of the job, the planned task (so
/// it never goes to two devices). Then it stores the running job task, announced as <c>DeviceAssigned</c>. Any number
/// of Tasks replicas may assign at once.
/// </summary>
public sealed class DeviceAssignment(IJobReplica jobs, IPlannedTaskRepository plannedTasks, IDeviceReplica devices, IJobTaskRepository tasks,
    ITaskLimits limits, IWorkerDirectory workers, AssignmentOptions options, TimeProvider clock, ILogger<DeviceAssignment> logger)
{
    /// <summary>Gives <paramref name="planned"/> (a free planned task of <paramref name="job"/>) to a free device; the task, or null when no device took it.</summary>
    public async Task<JobTask?> AssignAsync(Job job, PlannedTask planned, CancellationToken cancellationToken)
    {
        if (!job.IsOpenAt(clock.GetUtcNow().UtcDateTime)) return null;
        var candidates = planned.RemoteDeviceId is { } pinned
            ? await devices.GetAsync(pinned, cancellationToken) is { } pinnedDevice ? [pinnedDevice] : []
            : await devices.ListFreeAsync(job.OwnerId, 50, cancellationToken);
        // The employer's own devices first, then the market.
        foreach (var device in candidates.Where(d => d.CanTake(job)).OrderBy(d => d.OwnerId == job.OwnerId ? 0 : 1))
        {
            switch (await TryAssignAsync(job, planned, device, cancellationToken))
            {
                case { Task: { } task }:
                    return task;
                case { PlannedTaskGone: true }:
                    return null;
            }
        }
        return null;
    }

    /// <summary>
    /// Gives the free <paramref name="device"/> the oldest waiting planned task it may run: one pinned to it first, then
    /// any job's it may take. <paramref name="takingJobs"/>: the active automation jobs, when the caller (the sweep, for
    /// many devices) has read them already; null reads those this device may run.
    /// </summary>
    public async Task<JobTask?> AssignToAsync(Device device, IReadOnlyList<Job>? takingJobs, CancellationToken cancellationToken)
    {
        var current = device;
        foreach (var planned in await plannedTasks.ListFreePinnedToAsync(device.Id, 10, cancellationToken))
        {
            if (await jobs.GetAsync(planned.JobId, cancellationToken) is not { } job) continue;
            var (task, next) = await TryWithAsync(current, job, planned, cancellationToken);
            if (task is not null || next is null) return task;
            current = next;
        }
        var market = device.IsOnMarket && device.PaymentType == Device.ActionPayment;
        var candidates = takingJobs?.Where(j => market || j.OwnerId == device.OwnerId)
                         ?? await jobs.ListTakingDevicesAsync(market ? null : device.OwnerId, MaxJobs, cancellationToken);
        foreach (var job in candidates)
        {
            if (!current.MayRun(job)) continue;
            // The oldest first; should another device take it first, the next few in a random order, so that devices
            // polling at once mostly try different ones.
            foreach (var planned in OldestThenSpread(await plannedTasks.ListFreeUnpinnedAsync(job.Id, 8, cancellationToken)))
            {
                var (task, next) = await TryWithAsync(current, job, planned, cancellationToken);
                if (task is not null || next is null) return task;
                current = next;
                if (!await limits.HasPositionLeftAsync(job.Id, cancellationToken)) break;
            }
        }
        return null;
    }

    private static IEnumerable<PlannedTask> OldestThenSpread(IReadOnlyList<PlannedTask> oldest) =>
        oldest.Take(1).Concat(oldest.Skip(1).OrderBy(_ => Random.Shared.Next()));

    /// <summary>One try of <paramref name="device"/> on <paramref name="planned"/>: the task, or the device as it is now when it may try another (null when it can't).</summary>
    private async Task<(JobTask? Task, Device? Next)> TryWithAsync(Device device, Job job, PlannedTask planned, CancellationToken cancellationToken)
    {
        if (!device.CanTake(job) || !job.IsOpenAt(clock.GetUtcNow().UtcDateTime)) return (null, device);
        var attempt = await TryAssignAsync(job, planned, device, cancellationToken);
        if (attempt.Task is { } task) return (task, null);
        if (attempt.DeviceGone) return (null, null);
        // The claim was let go: the device's copy has moved on, so read it again.
        return (null, await devices.GetAsync(device.Id, cancellationToken) is { IsFree: true, Online: true } again ? again : null);
    }

    /// <summary>How many active automation jobs, oldest first, a device is offered the planned tasks of in one go.</summary>
    public const int MaxJobs = 100;

    private sealed record Attempt(JobTask? Task = null, bool DeviceGone = false, bool PlannedTaskGone = false, bool JobFull = false);

    private async Task<Attempt> TryAssignAsync(Job job, PlannedTask planned, Device device, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var taskId = ObjectIds.New();
        if (!await devices.TryClaimAsync(device, taskId, now, cancellationToken)) return new Attempt(DeviceGone: true);

        var position = false;
        var plannedTaken = false;
        try
        {
            if (!await limits.TryTakePositionAsync(job.Id, cancellationToken))
            {
                await devices.ReleaseAsync(device.Id, taskId, CancellationToken.None);
                return new Attempt(JobFull: true);
            }
            position = true;

            planned.GiveTo(taskId);
            if (!await plannedTasks.TrySaveAsync(planned, cancellationToken))
            {
                await limits.ReturnPositionAsync(job.Id, CancellationToken.None);
                await devices.ReleaseAsync(device.Id, taskId, CancellationToken.None);
                return new Attempt(PlannedTaskGone: true);
            }
            plannedTaken = true;

            // The task is its operator's: the owner's, or the renter's while the device is rented.
            var worker = await workers.GetAsync(device.OperatorId, cancellationToken);
            var share = device.OwnerShareOf(job, options.DeviceOwnerSharePercent);
            var task = JobTask.Assign(taskId, job.ForTask, new TaskWorker(device.OperatorId, worker.Name, worker.Country), planned.Id, device.Id, share, now);
            await tasks.AddAsync(task, cancellationToken);
            logger.LogInformation("Assigned planned task {PlannedTaskId} of job {JobId} to device {DeviceId} as task {TaskId}", planned.Id, job.Id, device.Id, taskId);
            return new Attempt(task);
        }
        catch
        {
            if (position) await limits.ReturnPositionAsync(job.Id, CancellationToken.None);
            if (plannedTaken && await plannedTasks.GetAsync(planned.Id, CancellationToken.None) is { JobTaskId: var given } stored && given == taskId)
            {
                stored.Free();
                await plannedTasks.TrySaveAsync(stored, CancellationToken.None);
            }
            await devices.ReleaseAsync(device.Id, taskId, CancellationToken.None);
            throw;
        }
    }
}
