using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Results;
using Tasks.Application.Ports;

namespace Tasks.Application.PlannedTasks;

/// <summary>
/// The employer deletes planned tasks not given out (route 15); the positions they took are free for new ones. All
/// must belong to jobs the caller owns or edits, and none may be given to a task (re-initiate or delete that first).
/// </summary>
public sealed record DeletePlannedTasks(Caller Caller, IReadOnlyList<string> PlannedTaskIds) : ICommand<Result>;

public sealed class DeletePlannedTasksValidator : AbstractValidator<DeletePlannedTasks>
{
    public const int MaxIds = 10_000;

    public DeletePlannedTasksValidator()
    {
        RuleFor(x => x.PlannedTaskIds).NotEmpty().WithMessage("planned_task_ids must name at least one planned task")
            .Must(ids => ids.Count <= MaxIds).WithMessage($"planned_task_ids names at most {MaxIds} planned tasks");
        RuleForEach(x => x.PlannedTaskIds).Must(ObjectIds.IsValid).WithMessage("Invalid planned task id");
    }
}

public sealed class DeletePlannedTasksHandler(IJobReplica jobs, IPlannedTaskRepository plannedTasks, ITaskLimits limits)
    : ICommandHandler<DeletePlannedTasks, Result>
{
    public const string NotFound = "Planned task not found";
    public const string GivenOut = "Cannot delete a planned task that is assigned to a pending / successful job task";

    public async ValueTask<Result> Handle(DeletePlannedTasks command, CancellationToken cancellationToken)
    {
        var ids = command.PlannedTaskIds.Distinct().ToList();
        var found = await plannedTasks.GetManyAsync(ids, cancellationToken);
        if (found.Count != ids.Count) return Error.NotFound(NotFound);
        foreach (var jobId in found.Select(p => p.JobId).Distinct())
        {
            var job = await jobs.GetAsync(jobId, cancellationToken);
            if (job is null || !job.CanManage(command.Caller.UserId)) return Error.NotFound(NotFound);
        }
        if (found.Any(p => !p.IsFree)) return Error.Validation(GivenOut);

        foreach (var byJob in found.GroupBy(p => p.JobId))
        {
            // Only free ones are deleted: one given out meanwhile stays, and so does the position it holds.
            var deleted = await plannedTasks.DeleteFreeAsync(byJob.Select(p => p.Id).ToList(), cancellationToken);
            await limits.ReturnPlannedAsync(byJob.Key, (int)deleted, cancellationToken);
            if (deleted < byJob.Count()) return Error.Validation(GivenOut);
        }
        return Result.Success();
    }
}
