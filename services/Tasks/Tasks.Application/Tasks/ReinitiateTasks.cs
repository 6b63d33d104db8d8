using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Tasks;

/// <summary>
/// The employer re-initiates failed or declined tasks (route 16): each one's planned task is given out again to the
/// next worker who applies, and the task itself is removed. Every task is checked before any is changed.
/// </summary>
public sealed record ReinitiateTasks(Caller Caller, IReadOnlyList<string> TaskIds) : ICommand<Result>;

public sealed class ReinitiateTasksValidator : AbstractValidator<ReinitiateTasks>
{
    public const int MaxTasks = 1000;

    public ReinitiateTasksValidator()
    {
        RuleFor(x => x.TaskIds).NotEmpty().WithMessage(TaskMessages.InvalidTaskId)
            .Must(ids => ids.Count <= MaxTasks).WithMessage($"task_ids names at most {MaxTasks} tasks");
        RuleForEach(x => x.TaskIds).Must(ObjectIds.IsValid).WithMessage(TaskMessages.InvalidTaskId);
    }
}

public sealed class ReinitiateTasksHandler(IJobReplica jobs, IJobTaskRepository tasks, IPlannedTaskRepository plannedTasks, TaskRemoval removal)
    : ICommandHandler<ReinitiateTasks, Result>
{
    public const string NoPermission = "You don't have permission to reinitiate this task";
    public const string NoPlannedTask = "No planned task is associated with this job task";

    public static string CannotReinitiate(JobTaskStatus status) =>
        $"Cannot reinitiate task with status '{status.ToWord()}'. Only failed or declined tasks can be reinitiated.";

    public async ValueTask<Result> Handle(ReinitiateTasks command, CancellationToken cancellationToken)
    {
        var named = new List<JobTask>();
        var managed = new Dictionary<string, bool>();
        foreach (var id in command.TaskIds.Distinct())
        {
            var task = await tasks.GetAsync(id, cancellationToken);
            if (task is null) return Error.NotFound(TaskAccess.TaskNotFound);
            if (!managed.TryGetValue(task.JobId, out var mayManage))
                managed[task.JobId] = mayManage = await jobs.GetAsync(task.JobId, cancellationToken) is { } job && job.CanManage(command.Caller.UserId);
            if (!mayManage) return Error.Forbidden(NoPermission);
            if (!task.HasFailedOrBeenDeclined) return Error.Validation(CannotReinitiate(task.Status));
            if (await plannedTasks.FindByJobTaskAsync(task.Id, cancellationToken) is null) return Error.NotFound(NoPlannedTask);
            named.Add(task);
        }
        foreach (var task in named)
        {
            var removed = await removal.RemoveAsync(task, cancellationToken);
            if (!removed.IsSuccess) return removed;
        }
        return Result.Success();
    }
}
