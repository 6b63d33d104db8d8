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

public sealed class AssignWaitingTasksHandler(IDeviceReplica devices, DeviceAssignment assignment) : ICommandHandler<AssignWaitingTasks, Result<int>>
{
    private const int Batch = 1000;

    public async ValueTask<Result<int>> Handle(AssignWaitingTasks command, CancellationToken cancellationToken)
    {
        var assigned = 0;
        foreach (var device in await devices.ListFreeAsync(null, Batch, cancellationToken))
            if (await assignment.AssignToAsync(device, cancellationToken) is not null) assigned++;
        return assigned;
    }
}
