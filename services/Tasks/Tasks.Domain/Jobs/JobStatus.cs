namespace Tasks.Domain.Jobs;

/// <summary>A job's status as Jobs announces it; only an active job takes new tasks.</summary>
public enum JobStatus
{
    Active,
    Inactive,
    Completed,
    Expired,
}
