using Jobs.Domain.Automations;
using Jobs.Domain.Jobs;
using Platform.Application.Paging;

namespace Jobs.Application.Ports;

public enum JobSortField
{
    Added,
    JobPrice,
    Title,
}

/// <summary>The criteria of a job list; null means "don't filter on it".</summary>
public sealed record JobSearch(
    JobStatus? Status = null,
    string? Text = null,
    string? Category = null,
    decimal? MinPrice = null,
    string? Location = null,
    bool? Featured = null,
    bool? Premium = null,
    string? JobId = null,
    string? VisibleToUserId = null,
    JobSortField SortBy = JobSortField.Added,
    SortDirection Direction = SortDirection.Descending);

public interface IJobRepository
{
    Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken);
    Task<PagedList<Job>> SearchAsync(JobSearch search, PageRequest page, CancellationToken cancellationToken);
    Task AddAsync(Job job, object createdEvent, CancellationToken cancellationToken);

    /// <summary>Jobs not yet ended whose duration has passed at <paramref name="now"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Job>> FindDueToEndAsync(DateTime now, int limit, CancellationToken cancellationToken);

    /// <summary>Writes the job if nobody changed it since it was read (else a concurrency conflict), with its events.</summary>
    Task SaveAsync(Job job, IReadOnlyList<object> events, CancellationToken cancellationToken);
}

public interface IAutomationRepository
{
    Task<Automation?> GetAsync(string automationId, CancellationToken cancellationToken);
    Task AddAsync(Automation automation, CancellationToken cancellationToken);
}

/// <summary>The users Jobs knows of (fed by UserRegistered), so that a job is shared only with someone who exists.</summary>
public interface IUserDirectory
{
    Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken);
}
