using Platform.Application.Ids;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Tasks;

/// <summary>Who may see a task: its worker, and its job's owner and shares. To anyone else it doesn't exist.</summary>
public sealed class TaskAccess(IJobTaskRepository tasks, IJobReplica jobs)
{
    public const string TaskNotFound = "Job task not found";

    public async Task<Result<JobTask>> FindVisibleAsync(string userId, string taskId, CancellationToken cancellationToken)
    {
        if (!ObjectIds.IsValid(taskId)) return Error.Validation(TaskMessages.InvalidTaskId);
        var task = await tasks.GetAsync(taskId, cancellationToken);
        if (task is null) return Error.NotFound(TaskNotFound);
        if (task.WorkerId == userId || task.EmployerId == userId) return task;
        var job = await jobs.GetAsync(task.JobId, cancellationToken);
        return job is not null && job.CanView(userId) ? task : Error.NotFound(TaskNotFound);
    }
}
