using Jobs.Application.Ports;
using Jobs.Domain.Jobs;
using Mediator;
using Platform.Application;
using Platform.Application.Paging;
using Platform.Application.Results;

namespace Jobs.Application.Jobs;

/// <summary>The caller's jobs (owned or shared with them), any status unless filtered.</summary>
public sealed record ListMyJobs(Caller Caller, JobSearch Search, PageRequest Page) : IQuery<Result<PagedList<Job>>>;

public sealed class ListMyJobsHandler(IJobRepository jobs) : IQueryHandler<ListMyJobs, Result<PagedList<Job>>>
{
    public async ValueTask<Result<PagedList<Job>>> Handle(ListMyJobs query, CancellationToken cancellationToken) =>
        await jobs.SearchAsync(query.Search with { VisibleToUserId = query.Caller.UserId }, query.Page, cancellationToken);
}
