using Jobs.Domain.Jobs;

namespace Jobs.Application.Jobs;

/// <summary>
/// The one spelling of a job's status and share permissions outside the domain: in the HTTP contracts, the integration
/// events and the stored documents alike (lower-case, as the reference writes them).
/// </summary>
public static class JobWireNames
{
    public static IReadOnlyList<string> Statuses { get; } = ["active", "inactive", "completed", "expired"];

    public static string ToWire(this JobStatus status) => status switch
    {
        JobStatus.Active => "active",
        JobStatus.Inactive => "inactive",
        JobStatus.Completed => "completed",
        JobStatus.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParseStatus(string? value, out JobStatus status)
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

    public static string ToWire(this SharePermission permission) => permission switch
    {
        SharePermission.View => "view",
        SharePermission.Edit => "edit",
        _ => throw new ArgumentOutOfRangeException(nameof(permission)),
    };

    public static SharePermission ParsePermission(string value) => value == "edit" ? SharePermission.Edit : SharePermission.View;
}
