namespace Jobs.Domain.Jobs;

/// <summary>
/// A job's lifecycle state; its wire spelling lives outside the domain (JobWireNames). Active and inactive are the
/// owner's switch; a job ends
/// <see cref="Completed"/> when every position is done, or <see cref="Expired"/> when its duration passed first. An
/// ended job takes no new work and its status no longer changes. Before all that a job is <see cref="Funding"/>: saved,
/// seen by nobody, while Payments holds its cost; it is active once funded, or <see cref="Abandoned"/> (never posted,
/// seen by nobody) when its funding could not be confirmed.
/// </summary>
public enum JobStatus
{
    Active,
    Inactive,
    Completed,
    Expired,
    Funding,
    Abandoned,
}

/// <summary>What a share lets another user do with a job: see it (shared_view) or also change it (shared_edit).</summary>
public enum SharePermission
{
    View,
    Edit,
}

public sealed record JobShare(string UserId, SharePermission Permission);
