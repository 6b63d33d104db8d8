using Jobs.Domain.Jobs;
using Platform.Application.Paging;

namespace Jobs.Application.Ports;

/// <summary>
/// Jobs, stored with the integration events mapped from what each job recorded (one write: the outbox travels in the
/// job's document).
/// </summary>
public interface IJobRepository
{
    /// <summary>A posted job (one still waiting for its funding, or abandoned, is not found).</summary>
    Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken);
    Task<PagedList<Job>> SearchAsync(JobSearch search, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Jobs not yet ended whose duration has passed at <paramref name="now"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Job>> FindDueToEndAsync(DateTime now, int limit, CancellationToken cancellationToken);

    /// <summary>Jobs saved at or before <paramref name="addedBefore"/> that still wait for their funding (their post stopped half way).</summary>
    Task<IReadOnlyList<Job>> FindWaitingForFundingAsync(DateTime addedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes abandoned jobs saved at or before <paramref name="addedBefore"/> whose event has gone out; returns how many.</summary>
    Task<long> DeleteAbandonedAsync(DateTime addedBefore, CancellationToken cancellationToken);

    /// <summary>Jobs marked with a switch back on begun at or before <paramref name="since"/> and never finished, oldest first.</summary>
    Task<IReadOnlyList<Job>> FindStalledReopeningsAsync(DateTime since, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes a job outright (one whose funding was refused: it never existed).</summary>
    Task DeleteAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Stores a new job with its events.</summary>
    Task AddAsync(Job job, CancellationToken cancellationToken);

    /// <summary>Writes the job with its events if nobody changed it since it was read (else a concurrency conflict).</summary>
    Task SaveAsync(Job job, CancellationToken cancellationToken);

    /// <summary>As <see cref="SaveAsync"/>, but false (nothing written) when someone changed the job since it was read.</summary>
    Task<bool> TrySaveAsync(Job job, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="delta"/> to the job's task counters in one atomic write, without reading the job (many
    /// task events for one job then never contend), once per <paramref name="operation"/> (the event's id): the job
    /// keeps the key until the inbox has recorded the event handled, so a redelivery after a crash adds nothing twice.
    /// False when there is no such job.
    /// </summary>
    Task<bool> AddToCountersAsync(string jobId, JobCounters delta, string operation, CancellationToken cancellationToken);
}
