using Jobs.Application.Ports;
using Jobs.Domain.Jobs;
using Mediator;
using Platform.Application;
using Platform.Application.Paging;
using Platform.Application.Results;

namespace Jobs.Application.Jobs;

/// <summary>The caller's jobs (owned or shared with them), any status unless filtered (null: not filtered).</summary>
public sealed record ListMyJobs(
    Caller Caller,
    JobStatus? Status,
    string? Text,
    string? JobId,
    JobSortField SortBy,
    SortDirection Direction,
    PageRequest Page) : IQuery<Result<PagedList<Job>>>;

public sealed class ListMyJobsHandler(IJobRepository jobs) : IQueryHandler<ListMyJobs, Result<PagedList<Job>>>
{
    public async ValueTask<Result<PagedList<Job>>> Handle(ListMyJobs query, CancellationToken cancellationToken)
    {
        var search = new JobSearch(
            Status: query.Status,
            Text: query.Text,
            JobId: query.JobId?.ToLowerInvariant(),
            VisibleToUserId: query.Caller.UserId,
            SortBy: query.SortBy,
            Direction: query.Direction);
        return await jobs.SearchAsync(search, query.Page, cancellationToken);
    }
}
