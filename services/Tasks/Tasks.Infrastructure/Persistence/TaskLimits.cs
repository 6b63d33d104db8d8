using System.Globalization;
using Platform.Persistence;
using Tasks.Application.Ports;

namespace Tasks.Infrastructure.Persistence;

/// <summary>One counted limit: how many are left.</summary>
public sealed class LimitDocument : Document
{
    public long Left { get; set; }
}

/// <summary>
/// The counted limits as documents of what is left, each taken and given back with the store's atomic conditional
/// increment: a take that would go below zero changes nothing. A worker's and a day's counter is created on first use
/// with the job's limit.
/// </summary>
public sealed class TaskLimits(IDocumentStore store) : ITaskLimits
{
    public const string CollectionName = "task_limits";
    private readonly IDocumentCollection<LimitDocument> _limits = store.Collection<LimitDocument>(CollectionName);

    private static string Positions(string jobId) => $"positions:{jobId}";
    private static string Planned(string jobId) => $"planned:{jobId}";
    private static string WorkerTasks(string jobId, string workerId) => $"worker:{jobId}:{workerId}";
    private static string DailyTasks(string jobId, DateOnly day) => $"daily:{jobId}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public async Task OpenPositionsAsync(string jobId, int positions, CancellationToken cancellationToken)
    {
        await CreateAsync(Positions(jobId), positions, cancellationToken);
        await CreateAsync(Planned(jobId), positions, cancellationToken);
    }

    public Task<bool> TryTakePositionAsync(string jobId, CancellationToken cancellationToken) => TakeAsync(Positions(jobId), 1, cancellationToken);
    public Task ReturnPositionAsync(string jobId, CancellationToken cancellationToken) => GiveBackAsync(Positions(jobId), 1, cancellationToken);
    public async Task<bool> HasPositionLeftAsync(string jobId, CancellationToken cancellationToken) =>
        (await _limits.GetAsync(Positions(jobId), cancellationToken))?.Left > 0;

    public Task<bool> TryTakePlannedAsync(string jobId, int count, CancellationToken cancellationToken) => TakeAsync(Planned(jobId), count, cancellationToken);
    public async Task<long> PlannedLeftAsync(string jobId, CancellationToken cancellationToken) =>
        (await _limits.GetAsync(Planned(jobId), cancellationToken))?.Left ?? 0;
    public Task ReturnPlannedAsync(string jobId, int count, CancellationToken cancellationToken) => GiveBackAsync(Planned(jobId), count, cancellationToken);

    public async Task<bool> TryTakeWorkerTaskAsync(string jobId, string workerId, int limit, CancellationToken cancellationToken)
    {
        await CreateAsync(WorkerTasks(jobId, workerId), limit, cancellationToken);
        return await TakeAsync(WorkerTasks(jobId, workerId), 1, cancellationToken);
    }

    public Task ReturnWorkerTaskAsync(string jobId, string workerId, CancellationToken cancellationToken) =>
        GiveBackAsync(WorkerTasks(jobId, workerId), 1, cancellationToken);

    public async Task<bool> TryTakeDailyTaskAsync(string jobId, DateOnly day, int limit, CancellationToken cancellationToken)
    {
        await CreateAsync(DailyTasks(jobId, day), limit, cancellationToken);
        return await TakeAsync(DailyTasks(jobId, day), 1, cancellationToken);
    }

    public Task ReturnDailyTaskAsync(string jobId, DateOnly day, CancellationToken cancellationToken) => GiveBackAsync(DailyTasks(jobId, day), 1, cancellationToken);

    /// <summary>Creates the counter on first use; one that exists (made earlier, or by a concurrent first use) stays.</summary>
    private async Task CreateAsync(string id, long left, CancellationToken cancellationToken)
    {
        if (await _limits.GetAsync(id, cancellationToken) is null)
            await _limits.TryInsertAsync(new LimitDocument { Id = id, Left = left }, null, cancellationToken);
    }

    private Task<bool> TakeAsync(string id, int count, CancellationToken cancellationToken) =>
        _limits.TryIncrementAsync(id, nameof(LimitDocument.Left), -count, minimum: 0, cancellationToken);

    private Task<bool> GiveBackAsync(string id, int count, CancellationToken cancellationToken) =>
        _limits.TryIncrementAsync(id, nameof(LimitDocument.Left), count, minimum: long.MinValue / 2, cancellationToken);
}
