namespace Platform.Application.Paging;

/// <summary>A 1-based page of a list. <see cref="Limit"/> is already capped by whoever built the request.</summary>
public sealed record PageRequest(int Page, int Limit)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    /// <summary>How many items come before the page: never negative, and saturated instead of overflowing for huge pages
    /// (a page past the end is simply empty).</summary>
    public int Skip => (int)Math.Clamp((Math.Max(Page, 1) - 1L) * Math.Max(Limit, 0), 0, int.MaxValue);
}

/// <summary>One page of items and the number of items across all pages.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, long Total, int Page, int Limit);

public enum SortDirection
{
    Ascending,
    Descending,
}
