namespace Jobs.Domain.Jobs;

/// <summary>
/// A job's lifecycle state; its wire spelling lives outside the domain (JobWireNames). Active and inactive are the
/// owner's switch; a job ends
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

/// <summary>What a share lets another user do with a job: see it (shared_view) or also change it (shared_edit).</summary>
public enum SharePermission
{
    View,
    Edit,
}

public sealed record JobShare(string UserId, SharePermission Permission);
