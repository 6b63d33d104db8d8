using Platform.Application.Paging;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Ports;

/// <summary>
/// Job tasks, stored with the integration events mapped from what each task recorded (one write). A removed task
/// (deleted or re-initiated) stays only as a tombstone until its events are out: no read returns it.
/// </summary>
public interface IJobTaskRepository
{
    Task<JobTask?> GetAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>The worker's newest task on the job that waits for proof (running or notcomplete), if any.</summary>
    Task<JobTask?> FindAwaitingProofAsync(string jobId, string workerId, CancellationToken cancellationToken);

    /// <summary>The worker's tasks, newest first.</summary>
    Task<PagedList<JobTask>> ListForWorkerAsync(string workerId, PageRequest page, CancellationToken cancellationToken);

    Task<PagedList<JobTask>> SearchAsync(TaskSearch search, PageRequest page, CancellationToken cancellationToken);

    /// <summary>How many of the job's tasks are in each status.</summary>
    Task<IReadOnlyDictionary<JobTaskStatus, long>> CountByStatusAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Whether a task of one of <paramref name="employerId"/>'s jobs has proof containing <paramref name="term"/> (as a whole word, or anywhere).</summary>
    Task<bool> ProofContainsAsync(string employerId, string term, ProofMatch match, CancellationToken cancellationToken);

    /// <summary>Stores a new task with its events.</summary>
    Task AddAsync(JobTask task, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the task with its events if nobody changed it since it was read; false when someone did (nothing was
    /// written: read it again and retry).
    /// </summary>
    Task<bool> TrySaveAsync(JobTask task, CancellationToken cancellationToken);
}

/// <summary>How a proof term matches: a whole word (case-insensitive), or any substring.</summary>
public enum ProofMatch
{
    Word,
    Substring,
}

/// <summary>The applicants list's filters (route 1): one job, optionally one task, a status, tasks added since, a search term.</summary>
public sealed record TaskSearch(
    string JobId,
    string? TaskId = null,
    JobTaskStatus? Status = null,
    DateTime? AddedSince = null,
    string? Text = null,
    TaskSortField SortBy = TaskSortField.Added,
    SortDirection Direction = SortDirection.Descending);

public enum TaskSortField
{
    Added,
    Updated,
    Status,
    WorkerName,
}
