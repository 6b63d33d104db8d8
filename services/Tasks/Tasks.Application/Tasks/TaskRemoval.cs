using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Tasks;

/// <summary>
/// Removing a failed or declined task (delete or re-initiate): its planned task is freed for the next worker, the task
/// is removed (and Jobs hears it is gone), and its proof files are deleted.
/// </summary>
public sealed class TaskRemoval(IJobTaskRepository tasks, IPlannedTaskRepository plannedTasks, ProofFiles proofFiles)
{
    public async Task<Result> RemoveAsync(JobTask task, CancellationToken cancellationToken)
    {
        task.Remove();
        if (!await tasks.TrySaveAsync(task, cancellationToken)) return Error.Conflict("The task changed meanwhile; try again");
        if (await plannedTasks.FindByJobTaskAsync(task.Id, cancellationToken) is { } planned)
        {
            planned.Free();
            await plannedTasks.TrySaveAsync(planned, cancellationToken);
        }
        await proofFiles.DeleteAsync(task.ProofFiles);
        return Result.Success();
    }
}
