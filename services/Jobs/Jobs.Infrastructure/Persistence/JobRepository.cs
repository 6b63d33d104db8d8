using Jobs.Application.Jobs;
using Jobs.Application.Ports;
using Jobs.Domain.Jobs;
using Platform.Application.Events;
using Platform.Application.Paging;
using Platform.Persistence;
using Platform.Persistence.Outbox;

namespace Jobs.Infrastructure.Persistence;

/// <summary>Jobs in their documents; each write carries the integration events mapped from what the job recorded.</summary>
public sealed class JobRepository(IDocumentStore store, IIntegrationEventMap events) : IJobRepository
{
    public const string CollectionName = "jobs";
    private readonly IDocumentCollection<JobDocument> _jobs = store.Collection<JobDocument>(CollectionName);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var jobs = store.Collection<JobDocument>(CollectionName);
        // Sort fields and the viewer list. Status is deliberately not indexed: most jobs are active, and an index on it
        // would make the embedded store filter by it and sort in memory instead of walking the sort field's index.
        foreach (var field in new[] { nameof(JobDocument.Added), nameof(JobDocument.JobPrice), nameof(JobDocument.Title), "Viewers[*]", nameof(JobDocument.ExpiresAt), nameof(JobDocument.ReopeningSince) })
            await jobs.EnsureIndexAsync(new IndexDefinition(field), cancellationToken);
    }

    public async Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken) =>
        JobMapping.ToDomain(await _jobs.GetAsync(jobId, cancellationToken)) is { IsPosted: true } job ? job : null;

    public async Task<IReadOnlyList<Job>> FindWaitingForFundingAsync(DateTime addedBefore, int limit, CancellationToken cancellationToken)
    {
        var waiting = Filter.And(Filter.Lte(nameof(JobDocument.Added), addedBefore), Filter.Eq(nameof(JobDocument.Status), JobStatus.Funding.ToWire()));
        return (await _jobs.ListAsync(waiting, new SortBy(nameof(JobDocument.Added), Descending: false), limit, cancellationToken))
            .Select(d => JobMapping.ToDomain(d)!).ToList();
    }

    /// <summary>Unmarked jobs have no time (null), which the lower bound leaves out in both stores.</summary>
    public async Task<IReadOnlyList<Job>> FindStalledReopeningsAsync(DateTime since, int limit, CancellationToken cancellationToken) =>
        (await _jobs.ListAsync(Filter.Between(nameof(JobDocument.ReopeningSince), DateTime.UnixEpoch, since),
            new SortBy(nameof(JobDocument.ReopeningSince), Descending: false), limit, cancellationToken)).Select(d => JobMapping.ToDomain(d)!).ToList();

    public async Task<long> DeleteAbandonedAsync(DateTime addedBefore, CancellationToken cancellationToken)
    {
        // Only once their event is out: the outbox travels in the document.
        var abandoned = await _jobs.ListAsync(Filter.And(Filter.Lte(nameof(JobDocument.Added), addedBefore), Filter.Eq(nameof(JobDocument.Status), JobStatus.Abandoned.ToWire())),
            null, 1000, cancellationToken);
        var deleted = 0L;
        foreach (var job in abandoned.Where(d => d.Outbox.Count == 0))
            if (await _jobs.DeleteAsync(job.Id, cancellationToken)) deleted++;
        return deleted;
    }

    public Task DeleteAsync(string jobId, CancellationToken cancellationToken) => _jobs.DeleteAsync(jobId, cancellationToken);

    public async Task<PagedList<Job>> SearchAsync(JobSearch search, PageRequest page, CancellationToken cancellationToken)
    {
        var filter = Filter.And(
            search.Status is { } status ? Filter.Eq(nameof(JobDocument.Status), status.ToWire()) : Filter.All,
            search.VisibleToUserId is { } viewer ? Filter.AnyEq(nameof(JobDocument.Viewers), viewer) : Filter.All,
            search.JobId is { } id ? Filter.Eq(nameof(Document.Id), id) : Filter.All,
            string.IsNullOrWhiteSpace(search.Text) ? Filter.All : Filter.ContainsText(search.Text, nameof(JobDocument.Title), nameof(JobDocument.Description)),
            search.Category is { } category ? Filter.AnyEq(nameof(JobDocument.Categories), category) : Filter.All,
            search.MinPrice is { } min ? Filter.Gte(nameof(JobDocument.JobPrice), min) : Filter.All,
            search.Location is { } location
                ? Filter.Or(Filter.AnyEq(nameof(JobDocument.TargetWorkers), location), Filter.AnyEq(nameof(JobDocument.TargetWorkers), JobRules.Worldwide))
                : Filter.All,
            search.Featured is { } featured ? Filter.Eq(nameof(JobDocument.Featured), featured) : Filter.All,
            search.Premium is { } premium ? Filter.Eq(nameof(JobDocument.Premium), premium) : Filter.All);

        var sortField = search.SortBy switch
        {
            JobSortField.JobPrice => nameof(JobDocument.JobPrice),
            JobSortField.Title => nameof(JobDocument.Title),
            _ => nameof(JobDocument.Added),
        };
        var found = await _jobs.FindAsync(filter, new SortBy(sortField, search.Direction == SortDirection.Descending), page.Skip, page.Limit, cancellationToken);
        return new PagedList<Job>(found.Items.Select(d => JobMapping.ToDomain(d)!).ToList(), found.Total, page.Page, page.Limit);
    }

    public async Task<IReadOnlyList<Job>> FindDueToEndAsync(DateTime now, int limit, CancellationToken cancellationToken)
    {
        var due = Filter.And(
            Filter.Lte(nameof(JobDocument.ExpiresAt), now),
            Filter.In(nameof(JobDocument.Status), [JobStatus.Active.ToWire(), JobStatus.Inactive.ToWire()]));
        var found = await _jobs.FindAsync(due, new SortBy(nameof(JobDocument.ExpiresAt), Descending: false), 0, limit, cancellationToken);
        return found.Items.Select(d => JobMapping.ToDomain(d)!).ToList();
    }

    public async Task AddAsync(Job job, CancellationToken cancellationToken)
    {
        var document = JobMapping.ToDocument(job);
        await _jobs.InsertAsync(document, OutboxMessages.From(events.TakeFrom(job)), cancellationToken);
        job.MarkStored(document.Version);
    }

    public async Task SaveAsync(Job job, CancellationToken cancellationToken)
    {
        var document = JobMapping.ToDocument(job);
        await _jobs.ReplaceAsync(document, OutboxMessages.From(events.TakeFrom(job)), cancellationToken);
        job.MarkStored(document.Version);
    }

    public async Task<bool> TrySaveAsync(Job job, CancellationToken cancellationToken)
    {
        var document = JobMapping.ToDocument(job);
        if (!await _jobs.TryReplaceAsync(document, OutboxMessages.From(events.TakeFrom(job)), cancellationToken)) return false;
        job.MarkStored(document.Version);
        return true;
    }

    public async Task<bool> AddToCountersAsync(string jobId, JobCounters delta, string operation, CancellationToken cancellationToken)
    {
        var deltas = new Dictionary<string, long>
        {
            [nameof(JobDocument.TotalTasks)] = delta.TotalTasks,
            [nameof(JobDocument.TasksDone)] = delta.TasksDone,
            [nameof(JobDocument.TasksConfirmed)] = delta.TasksConfirmed,
            [nameof(JobDocument.TasksRunning)] = delta.TasksRunning,
            [nameof(JobDocument.TasksPending)] = delta.TasksPending,
        };
        return await _jobs.IncrementOnceAsync(jobId, operation, deltas.Where(d => d.Value != 0).ToDictionary(), cancellationToken)
            != IncrementOnceOutcome.Missing;
    }
}
