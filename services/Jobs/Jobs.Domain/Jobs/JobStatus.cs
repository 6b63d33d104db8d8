namespace Jobs.Domain.Jobs;

/// <summary>
/// A job's lifecycle state; the wire spelling is lower-case. Active and inactive are the owner's switch; a job ends
/// <see cref="Completed"/> when every position is done, or <see cref="Expired"/> when its duration passed first. An
/// ended job takes no new work and its status no longer changes.
/// </summary>
public enum JobStatus
{
    Active,
    Inactive,
    Completed,
    Expired,
}

public static class JobStatusNames
{
    public static string ToWire(this JobStatus status) => status switch
    {
        JobStatus.Active => "active",
        JobStatus.Inactive => "inactive",
        JobStatus.Completed => "completed",
        JobStatus.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? value, out JobStatus status)
    {
        switch (value)
        {
            case "active": status = JobStatus.Active; return true;
            case "inactive": status = JobStatus.Inactive; return true;
            case "completed": status = JobStatus.Completed; return true;
            case "expired": status = JobStatus.Expired; return true;
            default: status = default; return false;
        }
    }
}

/// <summary>What a share lets another user do with a job: see it (shared_view) or also change it (shared_edit).</summary>
public enum SharePermission
{
    View,
    Edit,
}

public sealed record JobShare(string UserId, SharePermission Permission);
