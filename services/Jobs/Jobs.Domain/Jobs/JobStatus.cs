namespace Jobs.Domain.Jobs;

/// <summary>A job's lifecycle state; the wire spelling is lower-case ("active", "inactive").</summary>
public enum JobStatus
{
    Active,
    Inactive,
}

public static class JobStatusNames
{
    public static string ToWire(this JobStatus status) => status switch
    {
        JobStatus.Active => "active",
        JobStatus.Inactive => "inactive",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? value, out JobStatus status)
    {
        switch (value)
        {
            case "active": status = JobStatus.Active; return true;
            case "inactive": status = JobStatus.Inactive; return true;
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
