using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Tasks;

/// <summary>
/// The reference lets callers name a job task by its own id or by the id of the planned task it was given: a planned
/// task id resolves to its job task, and says so when it has none.
/// </summary>
public sealed class TaskIds(IJobTaskRepository tasks, IPlannedTaskRepository plannedTasks)
{
    /// <summary>
    /// The job task <paramref name="id"/> names (of job <paramref name="jobId"/> when given). Not found, the error reads
    /// "{<paramref name="label"/>} {id} is neither a valid job task ID nor a planned task ID".
    /// </summary>
    public async Task<Result<JobTask>> ResolveAsync(string id, string? jobId, string label, CancellationToken cancellationToken)
    {
        var task = await tasks.GetAsync(id, cancellationToken);
        if (task is not null && (jobId is null || task.JobId == jobId)) return task;

        var planned = await plannedTasks.GetAsync(id, cancellationToken);
        if (planned is not null && (jobId is null || planned.JobId == jobId))
        {
            var given = planned.JobTaskId is { } taskId ? await tasks.GetAsync(taskId, cancellationToken) : null;
            return given is null ? Error.Validation(TaskMessages.PlannedTaskNotGivenOut(id)) : given;
        }
        return Error.NotFound($"{label} {id} is neither a valid job task ID nor a planned task ID");
    }
}
