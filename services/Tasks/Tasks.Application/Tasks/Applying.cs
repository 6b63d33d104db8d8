using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Paging;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Jobs;
using Tasks.Domain.PlannedTasks;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Tasks;

/// <summary>A new running task, and the planned task (job variables) it was given when the job has planned tasks.</summary>
public sealed record AppliedTask(JobTask Task, PlannedTask? PlannedTask);

/// <summary>
/// Taking a task of a job, for apply (route 9) and for a submission without an apply: the job's gates first, then the
/// counted limits (tasks per worker, per day, positions), each taken atomically and given back if the apply fails
/// later, then a free planned task when the job has any. Concurrent applies can't oversell a job.
/// </summary>
public sealed class Applying(IJobTaskRepository tasks, IPlannedTaskRepository plannedTasks, ITaskLimits limits, IWorkerDirectory workers,
    PremiumBar premiumBar, TimeProvider clock)
{
    public const string NoPositionsLeft = "No positions left on this job";
    public const string NoPlannedTasksLeft = "No planned tasks left on this job: every one is given out";
    public const string DailyLimitReached = "This job's daily limit of new tasks is reached; try again tomorrow (UTC)";
    public const string AppliedAlready = "You have already applied to this job";

    /// <summary>The new task a submission takes and hands in at once (see <see cref="JobTask.ApplySubmitted"/>), made from its id, job and worker.</summary>
    public delegate JobTask NewTask(string id, TaskJob job, TaskWorker worker, DateTime now);

    /// <summary>
    /// Takes a task of <paramref name="job"/> for the caller: a running one, or the one <paramref name="newTask"/> makes
    /// (a submission without an apply stores its task already submitted, so no other request sees it running).
    /// </summary>
    public async Task<Result<AppliedTask>> ApplyAsync(Caller caller, Job job, string? ip, CancellationToken cancellationToken,
        NewTask? newTask = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var worker = await workers.GetAsync(caller.UserId, cancellationToken);
        var country = worker.Country ?? caller.Country;
        if (job.RefusalFor(new Applicant(caller.UserId, country, worker.Rating), premiumBar, now) is { } refusal) return Error.Forbidden(refusal);

        var taken = new TakenLimits(limits, job, caller.UserId, DateOnly.FromDateTime(now));
        if (await taken.TryTakeAsync(cancellationToken) is { } limitReached) return Error.Forbidden(limitReached);

        var taskId = ObjectIds.New();
        PlannedTask? planned = null;
        try
        {
            if (await plannedTasks.CountForJobAsync(job.Id, cancellationToken) > 0)
            {
                planned = await GiveOutPlannedTaskAsync(job.Id, taskId, cancellationToken);
                if (planned is null)
                {
                    await taken.ReturnAsync();
                    return Error.Forbidden(NoPlannedTasksLeft);
                }
            }
            var taskWorker = new TaskWorker(caller.UserId, worker.Name ?? caller.Name, country, ip);
            var task = newTask is null ? JobTask.Apply(taskId, job.ForTask, taskWorker, planned?.Id, null, now) : newTask(taskId, job.ForTask, taskWorker, now);
            await tasks.AddAsync(task, cancellationToken);
            return new AppliedTask(task, planned);
        }
        catch
        {
            await taken.ReturnAsync();
            // The planned task given out was stored: free it as stored now (the copy in hand has its old version).
            if (planned is not null && await plannedTasks.GetAsync(planned.Id, CancellationToken.None) is { JobTaskId: var given } stored && given == taskId)
            {
                stored.Free();
                await plannedTasks.TrySaveAsync(stored, CancellationToken.None);
            }
            throw;
        }
    }

    /// <summary>The oldest free planned task, given to <paramref name="taskId"/>; a concurrent apply that took one first moves this one to the next.</summary>
    private async Task<PlannedTask?> GiveOutPlannedTaskAsync(string jobId, string taskId, CancellationToken cancellationToken)
    {
        const int batch = 20;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var free = await plannedTasks.ListFreeAsync(jobId, null, SortDirection.Ascending, new PageRequest(1, batch), cancellationToken);
            if (free.Items.Count == 0) return null;
            foreach (var candidate in free.Items)
            {
                candidate.GiveTo(taskId);
                if (await plannedTasks.TrySaveAsync(candidate, cancellationToken)) return candidate;
            }
        }
        return null;
    }

    /// <summary>The counted limits one apply took, so that they can be given back together.</summary>
    private sealed class TakenLimits(ITaskLimits limits, Job job, string workerId, DateOnly day)
    {
        private bool _worker, _daily, _position;

        public async Task<string?> TryTakeAsync(CancellationToken cancellationToken)
        {
            if (job.TasksPerWorker is { } perWorker)
            {
                if (!await limits.TryTakeWorkerTaskAsync(job.Id, workerId, perWorker, cancellationToken))
                    return perWorker == 1 ? AppliedAlready : $"You have reached this job's limit of {perWorker} tasks per worker";
                _worker = true;
            }
            if (job.TasksPerDay is { } perDay)
            {
                if (!await limits.TryTakeDailyTaskAsync(job.Id, day, perDay, cancellationToken))
                {
                    await ReturnAsync();
                    return DailyLimitReached;
                }
                _daily = true;
            }
            if (!await limits.TryTakePositionAsync(job.Id, cancellationToken))
            {
                await ReturnAsync();
                return NoPositionsLeft;
            }
            _position = true;
            return null;
        }

        public async Task ReturnAsync()
        {
            if (_worker) await limits.ReturnWorkerTaskAsync(job.Id, workerId, CancellationToken.None);
            if (_daily) await limits.ReturnDailyTaskAsync(job.Id, day, CancellationToken.None);
            if (_position) await limits.ReturnPositionAsync(job.Id, CancellationToken.None);
            _worker = _daily = _position = false;
        }
    }
}
