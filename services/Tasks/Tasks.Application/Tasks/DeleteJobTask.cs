using Mediator;
using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Results;
using Tasks.Application.Ports;

namespace Tasks.Application.Tasks;

/// <summary>
/// The employer deletes a failed or declined task (route 14), named by its id or its planned task's id. Its planned
/// task is freed for another worker, and its proof files go with it.
/// </summary>
public sealed record DeleteJobTask(Caller Caller, string TaskId) : ICommand<Result>;

public sealed class DeleteJobTaskHandler(IJobReplica jobs, TaskIds ids, TaskRemoval removal) : ICommandHandler<DeleteJobTask, Result>
{
    public const string NoPermission = "You don't have permission to delete this job task";

    public async ValueTask<Result> Handle(DeleteJobTask command, CancellationToken cancellationToken)
    {
        if (!ObjectIds.IsValid(command.TaskId)) return Error.Validation(TaskMessages.InvalidTaskId);
        var found = await ids.ResolveAsync(command.TaskId, null, "task_id", cancellationToken);
        if (!found.IsSuccess) return found.Error!;
        var task = found.Value;
        var job = await jobs.GetAsync(task.JobId, cancellationToken);
        if (job is null || !job.CanManage(command.Caller.UserId)) return Error.Forbidden(NoPermission);
        if (!task.HasFailedOrBeenDeclined) return Error.Validation(Domain.Tasks.JobTask.CannotRemove(task.Status));
        return await removal.RemoveAsync(task, cancellationToken);
    }
}
