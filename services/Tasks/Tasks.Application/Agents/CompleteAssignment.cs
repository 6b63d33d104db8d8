using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Application.Tasks;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Agents;

/// <summary>
/// Route 52: the agent reports its running task's outcome with the task-scoped token: pending (its proof goes to the
/// employer's review) or failed (with a reason; the position goes back to the job, the planned task stays with the
/// failed task until the employer re-initiates it). The device is free for its next task at once.
/// </summary>
public sealed record CompleteAssignment(Caller Caller, JobTaskStatus Outcome, string? Proof, string? FailureReason) : ICommand<Result<JobTask>>;

public sealed class CompleteAssignmentValidator : AbstractValidator<CompleteAssignment>
{
    public CompleteAssignmentValidator()
    {
        RuleFor(x => x.Outcome).Must(o => o is JobTaskStatus.Pending or JobTaskStatus.Failed).WithMessage("status must be pending or failed");
        RuleFor(x => x.Proof).MaximumLength(JobTask.MaxProofLength).WithMessage($"job_proof must be at most {JobTask.MaxProofLength} characters");
        RuleFor(x => x.FailureReason).MaximumLength(1000).WithMessage("failureReason must be at most 1000 characters");
    }
}

public sealed class CompleteAssignmentHandler(IJobTaskRepository tasks, IDeviceReplica devices, TaskOutcomes outcomes, TimeProvider clock) : ICommandHandler<CompleteAssignment, Result<JobTask>>
{
    public async ValueTask<Result<JobTask>> Handle(CompleteAssignment command, CancellationToken cancellationToken)
    {
        if (command.Caller.RemoteDeviceId is not { } deviceId) return Error.Validation(AgentErrors.NotBoundToDevice);
        if (command.Caller.JobTaskId is not { } taskId) return Error.Forbidden(AgentErrors.NotTaskScoped);
        var task = await tasks.GetAsync(taskId, cancellationToken);
        // The token binds the task to this device (Identity issues it only for the device's own sign-in); the task's
        // worker is the device's operator, its renter while rented.
        if (task is null || task.RemoteDeviceId != deviceId) return Error.NotFound(AgentErrors.TaskNotFound);

        task.CompleteOnDevice(command.Outcome, command.Proof, command.FailureReason, clock.GetUtcNow().UtcDateTime);
        if (!await tasks.TrySaveAsync(task, cancellationToken)) return Error.Conflict("The task changed meanwhile; try again");
        await outcomes.AfterMoveAsync(JobTaskStatus.Running, task, cancellationToken);
        // Free again: its agent polls for the next task (and the sweep offers it one at its next run).
        await devices.ReleaseAsync(deviceId, task.Id, cancellationToken);
        return task;
    }
}
