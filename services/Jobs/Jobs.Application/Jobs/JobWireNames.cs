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
        JobStatus.Funding => "funding",
        JobStatus.Abandoned => "abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>A status as stored: a status a caller may name, or one of a job not (yet) posted, which callers never see.</summary>
    public static JobStatus ParseStored(string? value) => value switch
    {
        "funding" => JobStatus.Funding,
        "abandoned" => JobStatus.Abandoned,
        _ => TryParseStatus(value, out var status) ? status : JobStatus.Inactive,
    };

    /// <summary>A status a caller may name (one of <see cref="Statuses"/>).</summary>
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
