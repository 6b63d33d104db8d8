using Platform.Application.Paging;
using Platform.Persistence;
using Tasks.Application.Ports;
using Tasks.Domain.PlannedTasks;

namespace Tasks.Infrastructure.Persistence;

public sealed class PlannedTaskDocument : Document
{
    public string JobId { get; set; } = string.Empty;
    public string Input { get; set; } = string.Empty;
    public DateTime Added { get; set; }
    public string? JobTaskId { get; set; }
    /// <summary>Not given out (no job task): what applies and the list look for.</summary>
    public bool IsFree { get; set; }
    public string? RemoteDeviceId { get; set; }
    public string? DeviceName { get; set; }
    public bool RunImmediately { get; set; }
    /// <summary>
    /// Who may take it while it is free, then its own id: "device:{id}:{planned task id}" when pinned to a device,
    /// "job:{job id}:{planned task id}" when any device of the job may; null once given out. The assignment engine reads
    /// a prefix of it in its own order (ids grow with time: oldest first), so the store walks this one index and stops
    /// at the limit instead of sorting every free planned task of the job.
    /// </summary>
    public string? FreeFor { get; set; }
}

/// <summary>Planned tasks, one document each; giving one out is a versioned write, so two applies never get the same one.</summary>
public sealed class PlannedTaskRepository(IDocumentStore store) : IPlannedTaskRepository
{
    public const string CollectionName = "planned_tasks";
    private readonly IDocumentCollection<PlannedTaskDocument> _planned = store.Collection<PlannedTaskDocument>(CollectionName);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var planned = store.Collection<PlannedTaskDocument>(CollectionName);
        await planned.EnsureIndexAsync(new IndexDefinition(nameof(PlannedTaskDocument.JobId)), cancellationToken);
        await planned.EnsureIndexAsync(new IndexDefinition(nameof(PlannedTaskDocument.JobTaskId)), cancellationToken);
        await planned.EnsureIndexAsync(new IndexDefinition(nameof(PlannedTaskDocument.FreeFor)), cancellationToken);
    }

    public async Task<PlannedTask?> GetAsync(string plannedTaskId, CancellationToken cancellationToken) =>
        ToDomain(await _planned.GetAsync(plannedTaskId, cancellationToken));

    public async Task<IReadOnlyList<PlannedTask>> GetManyAsync(IReadOnlyCollection<string> plannedTaskIds, CancellationToken cancellationToken)
    {
        var found = await _planned.FindAsync(Filter.In(nameof(Document.Id), plannedTaskIds), null, 0, plannedTaskIds.Count, cancellationToken);
        return found.Items.Select(d => ToDomain(d)!).ToList();
    }

    public async Task<PlannedTask?> FindByJobTaskAsync(string jobTaskId, CancellationToken cancellationToken) =>
        ToDomain(await _planned.FindOneAsync(Filter.Eq(nameof(PlannedTaskDocument.JobTaskId), jobTaskId), cancellationToken));

    public Task<long> CountForJobAsync(string jobId, CancellationToken cancellationToken) =>
        _planned.CountAsync(Filter.Eq(nameof(PlannedTaskDocument.JobId), jobId), cancellationToken);

    public async Task<PagedList<PlannedTask>> ListFreeAsync(string jobId, string? search, SortDirection direction, PageRequest page,
        CancellationToken cancellationToken)
    {
        var filter = Filter.And(
            Filter.Eq(nameof(PlannedTaskDocument.JobId), jobId),
            Filter.Eq(nameof(PlannedTaskDocument.IsFree), true),
            string.IsNullOrEmpty(search) ? Filter.All : Filter.ContainsText(search, nameof(PlannedTaskDocument.Input)));
        // Ids sort by when they were made (their time stamp, then the counter), so that one request's inputs keep their order.
        var found = await _planned.FindAsync(filter, new SortBy(nameof(Document.Id), direction == SortDirection.Descending),
            page.Skip, page.Limit, cancellationToken);
        return new PagedList<PlannedTask>(found.Items.Select(d => ToDomain(d)!).ToList(), found.Total, page.Page, page.Limit);
    }

    public Task<IReadOnlyList<PlannedTask>> ListFreePinnedToAsync(string remoteDeviceId, int limit, CancellationToken cancellationToken) =>
        ListFreeForAsync($"device:{remoteDeviceId}:", limit, cancellationToken);

    public Task<IReadOnlyList<PlannedTask>> ListFreeUnpinnedAsync(string jobId, int limit, CancellationToken cancellationToken) =>
        ListFreeForAsync($"job:{jobId}:", limit, cancellationToken);

    private async Task<IReadOnlyList<PlannedTask>> ListFreeForAsync(string prefix, int limit, CancellationToken cancellationToken) =>
        (await _planned.ListAsync(Filter.StartsWith(nameof(PlannedTaskDocument.FreeFor), prefix), new SortBy(nameof(PlannedTaskDocument.FreeFor), Descending: false),
            limit, cancellationToken)).Select(d => ToDomain(d)!).ToList();

    public async Task AddManyAsync(IReadOnlyList<PlannedTask> plannedTasks, CancellationToken cancellationToken)
    {
        foreach (var planned in plannedTasks) await _planned.InsertAsync(ToDocument(planned), null, cancellationToken);
    }

    public Task<bool> TrySaveAsync(PlannedTask plannedTask, CancellationToken cancellationToken) =>
        _planned.TryReplaceAsync(ToDocument(plannedTask), null, cancellationToken);

    public Task<long> DeleteFreeAsync(IReadOnlyCollection<string> plannedTaskIds, CancellationToken cancellationToken) =>
        _planned.DeleteManyAsync(Filter.And(Filter.In(nameof(Document.Id), plannedTaskIds), Filter.Eq(nameof(PlannedTaskDocument.IsFree), true)),
            cancellationToken);

    private static PlannedTask? ToDomain(PlannedTaskDocument? d) => d is null
        ? null
        : PlannedTask.Restore(d.Id, d.JobId, d.Input, d.Added, d.JobTaskId, d.RemoteDeviceId, d.DeviceName, d.RunImmediately, d.Version);

    private static PlannedTaskDocument ToDocument(PlannedTask p) => new()
    {
        Id = p.Id,
        Version = p.Version,
        JobId = p.JobId,
        Input = p.Input,
        Added = p.Added,
        JobTaskId = p.JobTaskId,
        IsFree = p.IsFree,
        RemoteDeviceId = p.RemoteDeviceId,
        DeviceName = p.DeviceName,
        RunImmediately = p.RunImmediately,
        FreeFor = !p.IsFree ? null : p.RemoteDeviceId is { } device ? $"device:{device}:{p.Id}" : $"job:{p.JobId}:{p.Id}",
    };
}
