namespace Platform.Application.Paging;

/// <summary>A 1-based page of a list. <see cref="Limit"/> is already capped by whoever built the request.</summary>
public sealed record PageRequest(int Page, int Limit)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public int Skip => (Page - 1) * Limit;
}

/// <summary>One page of items and the number of items across all pages.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, long Total, int Page, int Limit);

public enum SortDirection
{
    Ascending,
    Descending,
}
