using Platform.Application.Paging;
using Tasks.Domain.PlannedTasks;

namespace Tasks.Application.Ports;

/// <summary>The inputs employers planned for their jobs' tasks.</summary>
public interface IPlannedTaskRepository
{
    Task<PlannedTask?> GetAsync(string plannedTaskId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PlannedTask>> GetManyAsync(IReadOnlyCollection<string> plannedTaskIds, CancellationToken cancellationToken);

    /// <summary>The planned task given to a job task, if any.</summary>
    Task<PlannedTask?> FindByJobTaskAsync(string jobTaskId, CancellationToken cancellationToken);

    Task<long> CountForJobAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>The job's free planned tasks (matching <paramref name="search"/> in their input), by when they were planned.</summary>
    Task<PagedList<PlannedTask>> ListFreeAsync(string jobId, string? search, SortDirection direction, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Free planned tasks pinned to the device, oldest first.</summary>
    Task<IReadOnlyList<PlannedTask>> ListFreePinnedToAsync(string remoteDeviceId, int limit, CancellationToken cancellationToken);

    /// <summary>The job's free planned tasks pinned to no device, oldest first.</summary>
    Task<IReadOnlyList<PlannedTask>> ListFreeUnpinnedAsync(string jobId, int limit, CancellationToken cancellationToken);

    Task AddManyAsync(IReadOnlyList<PlannedTask> plannedTasks, CancellationToken cancellationToken);

    /// <summary>Writes the planned task if nobody changed it since it was read; false when someone did (nothing was written).</summary>
    Task<bool> TrySaveAsync(PlannedTask plannedTask, CancellationToken cancellationToken);

    /// <summary>Deletes those of the planned tasks that are free (not given out); returns how many.</summary>
    Task<long> DeleteFreeAsync(IReadOnlyCollection<string> plannedTaskIds, CancellationToken cancellationToken);
}
