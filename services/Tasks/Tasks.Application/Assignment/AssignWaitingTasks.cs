using Mediator;
using Platform.Application.Results;
using Tasks.Application.Ports;

namespace Tasks.Application.Assignment;

/// <summary>
/// The assignment sweep: every free online device is offered the waiting planned tasks it may run, as its own poll
/// would (<see cref="DeviceAssignment.AssignToAsync"/>). Runs every <see cref="AssignmentOptions.Interval"/>, and at once
/// when planned tasks are added or a device comes online or is freed. Returns how many tasks it assigned.
/// </summary>
public sealed record AssignWaitingTasks : ICommand<Result<int>>;

public sealed class AssignWaitingTasksHandler(IJobReplica jobs, IDeviceReplica devices, DeviceAssignment assignment) : ICommandHandler<AssignWaitingTasks, Result<int>>
{
    private const int Batch = 1000;

    public async ValueTask<Result<int>> Handle(AssignWaitingTasks command, CancellationToken cancellationToken)
    {
        // The active automation jobs are read once for every device of this run; without any there is nothing to give out.
        var taking = await jobs.ListTakingDevicesAsync(null, DeviceAssignment.MaxJobs, cancellationToken);
        if (taking.Count == 0) return 0;
        var assigned = 0;
        foreach (var device in await devices.ListFreeAsync(null, Batch, cancellationToken))
            if (await assignment.AssignToAsync(device, taking, cancellationToken) is not null) assigned++;
        return assigned;
    }
}
