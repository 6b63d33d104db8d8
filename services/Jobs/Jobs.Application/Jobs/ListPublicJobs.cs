using Jobs.Application.Ports;
using Jobs.Domain.Jobs;
using Mediator;
using Platform.Application.Paging;
using Platform.Application.Results;

namespace Jobs.Application.Jobs;

/// <summary>Find jobs: active jobs only, with the reference's filters, sorted and paged.</summary>
public sealed record ListPublicJobs(JobSearch Search, PageRequest Page) : IQuery<Result<PagedList<Job>>>;

public sealed class ListPublicJobsHandler(IJobRepository jobs) : IQueryHandler<ListPublicJobs, Result<PagedList<Job>>>
{
    public async ValueTask<Result<PagedList<Job>>> Handle(ListPublicJobs query, CancellationToken cancellationToken) =>
        await jobs.SearchAsync(query.Search with { Status = JobStatus.Active, VisibleToUserId = null }, query.Page, cancellationToken);
}
