namespace Jobs.Application.Jobs;

/// <summary>What a job list is sorted by (ties broken by id in the same direction).</summary>
public enum JobSortField
{
    Added,
    JobPrice,
    Title,
}
