namespace Tasks.Application.Ports;

/// <summary>
/// The counted limits of applying, each an atomic counter so that concurrent applies can't overrun it: a job's
/// positions left, a worker's tasks left on a job, a job's new tasks left on a UTC day. A take that would go below
/// zero is refused; what an apply took and could not use is given back.
/// </summary>
public interface ITaskLimits
{
    /// <summary>Sets a new job's positions, for tasks and for planned tasks (no change when already set).</summary>
    Task OpenPositionsAsync(string jobId, int positions, CancellationToken cancellationToken);

    /// <summary>Takes <paramref name="count"/> of the job's positions for planned tasks; false (nothing taken) when fewer are left.</summary>
    Task<bool> TryTakePlannedAsync(string jobId, int count, CancellationToken cancellationToken);
    Task<long> PlannedLeftAsync(string jobId, CancellationToken cancellationToken);
    Task ReturnPlannedAsync(string jobId, int count, CancellationToken cancellationToken);

    Task<bool> TryTakePositionAsync(string jobId, CancellationToken cancellationToken);
    Task ReturnPositionAsync(string jobId, CancellationToken cancellationToken);
    /// <summary>Whether the job has a position left right now (a hint: only a take is sure).</summary>
    Task<bool> HasPositionLeftAsync(string jobId, CancellationToken cancellationToken);

    Task<bool> TryTakeWorkerTaskAsync(string jobId, string workerId, int limit, CancellationToken cancellationToken);
    Task ReturnWorkerTaskAsync(string jobId, string workerId, CancellationToken cancellationToken);

    Task<bool> TryTakeDailyTaskAsync(string jobId, DateOnly day, int limit, CancellationToken cancellationToken);
    Task ReturnDailyTaskAsync(string jobId, DateOnly day, CancellationToken cancellationToken);
}
