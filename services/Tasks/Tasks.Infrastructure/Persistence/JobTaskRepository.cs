using System.Text.RegularExpressions;
using Platform.Application.Events;
using Platform.Application.Paging;
using Platform.Persistence;
using Platform.Persistence.Outbox;
using Tasks.Application.Ports;
using Tasks.Domain.Tasks;

namespace Tasks.Infrastructure.Persistence;

/// <summary>Job tasks in their documents; each write carries the integration events mapped from what the task recorded.</summary>
public sealed class JobTaskRepository(IDocumentStore store, IIntegrationEventMap events) : IJobTaskRepository
{
    public const string CollectionName = "job_tasks";

    /// <summary>How many candidates a multi-word proof check reads to confirm the words stand together (each already has every word).</summary>
    private const int MaxPhraseCandidates = 1000;

    private readonly IDocumentCollection<JobTaskDocument> _tasks = store.Collection<JobTaskDocument>(CollectionName);

    private static readonly Filter NotRemoved = Filter.Eq(nameof(JobTaskDocument.Removed), false);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var tasks = store.Collection<JobTaskDocument>(CollectionName);
        // Per job (applicants, counts), per worker (recent tasks), per employer (proof checks), the proofs' words, and the
        // tasks waiting for proof by job and worker (submissions).
        foreach (var field in new[] { nameof(JobTaskDocument.JobId), nameof(JobTaskDocument.WorkerId), nameof(JobTaskDocument.EmployerId), "ProofWords[*]",
            nameof(JobTaskDocument.AwaitingProofKey) })
            await tasks.EnsureIndexAsync(new IndexDefinition(field), cancellationToken);
    }

    public async Task<JobTask?> GetAsync(string taskId, CancellationToken cancellationToken) =>
        JobTaskMapping.ToDomain(await _tasks.GetAsync(taskId, cancellationToken));

    public async Task<JobTask?> FindAwaitingProofAsync(string jobId, string workerId, CancellationToken cancellationToken)
    {
        var filter = Filter.Eq(nameof(JobTaskDocument.AwaitingProofKey), JobTaskMapping.AwaitingProofKeyOf(jobId, workerId));
        var found = await _tasks.FindAsync(filter, new SortBy(nameof(JobTaskDocument.Added), Descending: true), 0, 1, cancellationToken);
        return found.Items.Count == 0 ? null : JobTaskMapping.ToDomain(found.Items[0]);
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

    /// <summary>
    /// Both options stop at the first task that has the term. A whole word (or words) is looked up in the indexed proof
    /// words, so only tasks having every word are read (a phrase is then checked as a phrase). A substring is searched in
    /// the employer's own tasks (their index narrows the scan to them): an index of every proof's three-character pieces
    /// made each submission several times slower on the embedded store, for a check that is rare beside submissions.
    /// </summary>
    public async Task<bool> ProofContainsAsync(string employerId, string term, ProofMatch match, CancellationToken cancellationToken)
    {
        var ofEmployer = Filter.And(Filter.Eq(nameof(JobTaskDocument.EmployerId), employerId), NotRemoved);
        var inProof = Filter.ContainsText(term, nameof(JobTaskDocument.Proof));
        if (match == ProofMatch.Substring) return await AnyAsync(Filter.And(ofEmployer, inProof), cancellationToken);

        var words = JobTaskMapping.WordsOf(term);
        if (words.Count == 0) return false;
        var withWords = Filter.And([.. words.Select(w => Filter.AnyEq(nameof(JobTaskDocument.ProofWords), w)), ofEmployer]);
        if (words.Count == 1) return await AnyAsync(withWords, cancellationToken);

        // A phrase: the first task with every word and the text, checked at word boundaries; should that one have the
        // text only inside longer words (rare), the tasks with every word are read in pages.
        var phrase = new Regex($@"(?<![\p{{L}}\p{{Nd}}]){Regex.Escape(term)}(?![\p{{L}}\p{{Nd}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
        var first = await _tasks.FindOneAsync(Filter.And(withWords, inProof), cancellationToken);
        if (first is null) return false;
        if (first.Proof is { } proof && phrase.IsMatch(proof)) return true;
        var found = await _tasks.FindAsync(Filter.And(withWords, inProof), null, 0, MaxPhraseCandidates, cancellationToken);
        return found.Items.Any(d => d.Proof is { } p && phrase.IsMatch(p));
    }

    private async Task<bool> AnyAsync(Filter filter, CancellationToken cancellationToken) =>
        await _tasks.FindOneAsync(filter, cancellationToken) is not null;

    public Task AddAsync(JobTask task, CancellationToken cancellationToken) =>
        _tasks.InsertAsync(JobTaskMapping.ToDocument(task), OutboxMessages.From(events.TakeFrom(task)), cancellationToken);

    public Task<bool> TrySaveAsync(JobTask task, CancellationToken cancellationToken) =>
        _tasks.TryReplaceAsync(JobTaskMapping.ToDocument(task), OutboxMessages.From(events.TakeFrom(task)), cancellationToken);

    private async Task<PagedList<JobTask>> PageAsync(Filter filter, SortBy sort, PageRequest page, CancellationToken cancellationToken)
    {
        var found = await _tasks.FindAsync(filter, sort, page.Skip, page.Limit, cancellationToken);
        return new PagedList<JobTask>(found.Items.Select(d => JobTaskMapping.ToDomain(d)!).ToList(), found.Total, page.Page, page.Limit);
    }
}
