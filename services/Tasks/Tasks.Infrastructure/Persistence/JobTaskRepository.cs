using Platform.Application.Events;
using Platform.Application.Paging;
using Platform.Persistence;
using Platform.Persistence.Outbox;
using Tasks.Application.Ports;
using Tasks.Domain.Tasks;

namespace Tasks.Infrastructure.Persistence;

/// <summary>Job tasks in their documents; each write carries the integration events mapped from what the task recorded.</summary>
public sealed class JobTaskRepository(IDocumentStore store, IIntegrationEventMap events, ProofCorpus proofs, TimeProvider clock) : IJobTaskRepository
{
    public const string CollectionName = "job_tasks";

    private readonly IDocumentCollection<JobTaskDocument> _tasks = store.Collection<JobTaskDocument>(CollectionName);

    private static readonly Filter NotRemoved = Filter.Eq(nameof(JobTaskDocument.Removed), false);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var tasks = store.Collection<JobTaskDocument>(CollectionName);
        // Per job (applicants, counts), per worker (recent tasks), per employer by write time (proof checks), and the
        // tasks waiting for proof by job and worker (submissions). Each is one entry per task: a submission stays cheap.
        foreach (var field in new[] { nameof(JobTaskDocument.JobId), nameof(JobTaskDocument.WorkerId), nameof(JobTaskDocument.EmployerChange),
            nameof(JobTaskDocument.AwaitingProofKey) })
            await tasks.EnsureIndexAsync(new IndexDefinition(field), cancellationToken);
    }

    public async Task<JobTask?> GetAsync(string taskId, CancellationToken cancellationToken) =>
        JobTaskMapping.ToDomain(await _tasks.GetAsync(taskId, cancellationToken));

    public async Task<JobTask?> FindAwaitingProofAsync(string jobId, string workerId, CancellationToken cancellationToken)
    {
        var filter = Filter.Eq(nameof(JobTaskDocument.AwaitingProofKey), JobTaskMapping.AwaitingProofKeyOf(jobId, workerId));
        // A pair has few tasks waiting (one, or a few for a few_times job): read them in one index lookup, take the newest.
        var found = await _tasks.ListAsync(filter, null, 100, cancellationToken);
        return JobTaskMapping.ToDomain(found.MaxBy(d => d.Added));
    }

    public Task<PagedList<JobTask>> ListForWorkerAsync(string workerId, PageRequest page, CancellationToken cancellationToken) =>
        PageAsync(Filter.And(Filter.Eq(nameof(JobTaskDocument.WorkerId), workerId), NotRemoved),
            new SortBy(nameof(JobTaskDocument.Added), Descending: true), page, cancellationToken);

    public Task<PagedList<JobTask>> SearchAsync(TaskSearch search, PageRequest page, CancellationToken cancellationToken)
    {
        var filter = Filter.And(
            Filter.Eq(nameof(JobTaskDocument.JobId), search.JobId),
            NotRemoved,
            search.TaskId is { } id ? Filter.Eq(nameof(Document.Id), id) : Filter.All,
            search.Status is { } status ? Filter.Eq(nameof(JobTaskDocument.Status), status.ToWord()) : Filter.All,
            search.AddedSince is { } since ? Filter.Gte(nameof(JobTaskDocument.Added), since) : Filter.All,
            string.IsNullOrWhiteSpace(search.Text)
                ? Filter.All
                : Filter.ContainsText(search.Text.Trim(), nameof(JobTaskDocument.WorkerName), nameof(JobTaskDocument.Proof), nameof(JobTaskDocument.JobTitle),
                    nameof(JobTaskDocument.Comment), nameof(JobTaskDocument.WorkerIp)));
        var sortField = search.SortBy switch
        {
            TaskSortField.Updated => nameof(JobTaskDocument.Updated),
            TaskSortField.Status => nameof(JobTaskDocument.Status),
            TaskSortField.WorkerName => nameof(JobTaskDocument.WorkerName),
            _ => nameof(JobTaskDocument.Added),
        };
        return PageAsync(filter, new SortBy(sortField, search.Direction == SortDirection.Descending), page, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<JobTaskStatus, long>> CountByStatusAsync(string jobId, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<JobTaskStatus, long>();
        foreach (var status in Enum.GetValues<JobTaskStatus>())
            counts[status] = await _tasks.CountAsync(Filter.And(Filter.Eq(nameof(JobTaskDocument.JobId), jobId),
                Filter.Eq(nameof(JobTaskDocument.Status), status.ToWord()), NotRemoved), cancellationToken);
        return counts;
    }

    /// <summary>Searched in the employer's proofs as <see cref="ProofCorpus"/> keeps them (a bounded scan, no word index).</summary>
    public Task<bool> ProofContainsAsync(string employerId, string term, ProofMatch match, CancellationToken cancellationToken) =>
        proofs.ContainsAsync(employerId, term, match, cancellationToken);

    public Task AddAsync(JobTask task, CancellationToken cancellationToken) =>
        _tasks.InsertAsync(Stamped(task), OutboxMessages.From(events.TakeFrom(task)), cancellationToken);

    public Task<bool> TrySaveAsync(JobTask task, CancellationToken cancellationToken) =>
        _tasks.TryReplaceAsync(Stamped(task), OutboxMessages.From(events.TakeFrom(task)), cancellationToken);

    /// <summary>The task's document, stamped with this write's time under its employer (what the proof check reads changes by).</summary>
    private JobTaskDocument Stamped(JobTask task)
    {
        var document = JobTaskMapping.ToDocument(task);
        document.EmployerChange = ProofCorpus.ChangeKey(task.EmployerId, clock.GetUtcNow().UtcDateTime);
        return document;
    }

    private async Task<PagedList<JobTask>> PageAsync(Filter filter, SortBy sort, PageRequest page, CancellationToken cancellationToken)
    {
        var found = await _tasks.FindAsync(filter, sort, page.Skip, page.Limit, cancellationToken);
        return new PagedList<JobTask>(found.Items.Select(d => JobTaskMapping.ToDomain(d)!).ToList(), found.Total, page.Page, page.Limit);
    }
}
