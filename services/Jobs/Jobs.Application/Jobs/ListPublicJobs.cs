using Jobs.Application.Ports;
using Jobs.Domain.Jobs;
using Mediator;
using Platform.Application.Paging;
using Platform.Application.Results;

namespace Jobs.Application.Jobs;

/// <summary>Find jobs: active jobs only, with the reference's filters (null: not filtered), sorted and paged.</summary>
public sealed record ListPublicJobs(
    string? Text,
    string? Category,
    decimal? MinPrice,
    string? Location,
    bool? Featured,
    bool? Premium,
    JobSortField SortBy,
    SortDirection Direction,
    PageRequest Page) : IQuery<Result<PagedList<Job>>>;

public sealed class ListPublicJobsHandler(IJobRepository jobs) : IQueryHandler<ListPublicJobs, Result<PagedList<Job>>>
{
    public async ValueTask<Result<PagedList<Job>>> Handle(ListPublicJobs query, CancellationToken cancellationToken)
    {
        var search = new JobSearch(
            Status: JobStatus.Active,
            Text: query.Text,
            Category: query.Category,
            MinPrice: query.MinPrice,
            Location: query.Location,
            Featured: query.Featured,
            Premium: query.Premium,
            SortBy: query.SortBy,
            Direction: query.Direction);
        return await jobs.SearchAsync(search, query.Page, cancellationToken);
    }
}
