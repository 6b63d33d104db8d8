using Payments.Domain.Funding;

namespace Payments.Application.Ports;

/// <summary>What each posted job holds (one record per job), written with optimistic concurrency.</summary>
public interface IJobFundings
{
    Task<JobFunding?> GetAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Stores a new funding; false when the job has one already.</summary>
    Task<bool> TryAddAsync(JobFunding funding, CancellationToken cancellationToken);

    /// <summary>Saves the funding if it is still at the version it was read at; false when another write came first.</summary>
    Task<bool> TrySaveAsync(JobFunding funding, CancellationToken cancellationToken);
}

/// <summary>Where a job's task stands for its hold: in flight (may still be paid), confirmed (paid), or freed (declined, failed, gone).</summary>
public enum TaskPosition
{
    InFlight,
    Confirmed,
    Freed,
}

/// <summary>
/// Each task's <see cref="TaskPosition"/>, from Tasks' events. In flight is only ever a task's first state: confirmed
/// and freed are ends, so an event delivered late can't bring an ended task back.
/// </summary>
public interface ITaskPositions
{
    Task RecordAsync(string taskId, string jobId, TaskPosition position, CancellationToken cancellationToken);

    /// <summary>How many of the job's tasks are confirmed, and how many are in flight.</summary>
    Task<(int Confirmed, int InFlight)> CountAsync(string jobId, CancellationToken cancellationToken);
}

/// <summary>Who referred each user, from Identity's UserRegistered.</summary>
public interface IReferrals
{
    Task RecordAsync(string userId, string referrerId, CancellationToken cancellationToken);

    Task<string?> ReferrerOfAsync(string userId, CancellationToken cancellationToken);
}
