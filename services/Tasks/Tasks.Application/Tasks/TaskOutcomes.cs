using Platform.Domain;
using Tasks.Application.Ports;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Tasks;

/// <summary>
/// What follows a stored move of a task beyond the task itself: a task that stops holding a position gives it back to
/// the job, and a review's verdict (confirmed or declined) counts towards the worker's rating. Run once, by whoever
/// stored the move.
/// </summary>
public sealed class TaskOutcomes(ITaskLimits limits, IWorkerDirectory workers)
{
    public async Task AfterMoveAsync(JobTaskStatus previous, JobTask task, CancellationToken cancellationToken)
    {
        if (previous == task.Status) return;
        if (task.HeldPositionAs(previous) && !task.HoldsPosition) await limits.ReturnPositionAsync(task.JobId, cancellationToken);
        if (WorkerRating.IsNewVerdict(previous.ToWord(), task.Status.ToWord()))
            await workers.CountVerdictAsync(task.WorkerId, task.Status == JobTaskStatus.Confirmed, cancellationToken);
    }
}
