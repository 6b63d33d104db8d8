using Jobs.Application.Jobs;
using Jobs.Domain.Jobs;
using Platform.Application.Paging;

namespace Jobs.Application.Ports;

/// <summary>The criteria of a job list, built by the list use cases; null means "don't filter on it".</summary>
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
