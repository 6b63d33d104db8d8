using Tasks.Domain.Jobs;

namespace Tasks.Application.Ports;

/// <summary>Tasks' copy of the jobs, fed by Jobs' events.</summary>
public interface IJobReplica
{
    Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Active automation jobs (devices run their tasks), <paramref name="ownerId"/>'s only unless null, oldest first.</summary>
    Task<IReadOnlyList<Job>> ListTakingDevicesAsync(string? ownerId, int limit, CancellationToken cancellationToken);

    /// <summary>Stores the job as Jobs posted it; a job already known is left as it is (the event was heard before).</summary>
    Task AddAsync(Job job, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored job with <paramref name="job"/> (a status or share Jobs announced) if it is still the version
    /// <paramref name="job"/> was read from; else a concurrency conflict, which the bus retries with a fresh read.
    /// </summary>
    Task SaveAsync(Job job, CancellationToken cancellationToken);
}
