using Tasks.Domain.Jobs;

namespace Tasks.Domain.Devices;

/// <summary>
/// Tasks' replica of a device, fed by Devices' events (each carrying the device's snapshot and revision), and the
/// assignment engine's lock: <see cref="RunningTaskId"/> is the one task the device runs, claimed by a conditional
/// write so that a device never runs two tasks at once, whichever replica of Tasks assigns.
/// </summary>
public sealed record Device
{
    public const string ActionPayment = "action";

    public required string Id { get; init; }
    public required string OwnerId { get; init; }
    public required string Name { get; init; }
    public required bool IsOnMarket { get; init; }
    public required string PaymentType { get; init; }
    public required IReadOnlyList<string> Automations { get; init; }
    public required bool Online { get; init; }
    /// <summary>The user renting the device now (live payment): only their jobs' tasks run on it, and they are its operator.</summary>
    public string? RenterId { get; init; }
    /// <summary>The revision of the snapshot this copy holds (Devices' stored version); an older snapshot changes nothing.</summary>
    public required long Revision { get; init; }
    /// <summary>The job task the device runs (claimed at assignment, let go at completion); null when it is free.</summary>
    public string? RunningTaskId { get; init; }
    /// <summary>When the running task was claimed: a claim whose task was never stored (a crash half way) is let go after a while.</summary>
    public DateTime? ClaimedAt { get; init; }
    /// <summary>When the device was last seen going offline (null while online): a task it runs fails after a grace period.</summary>
    public DateTime? OfflineSince { get; init; }
    /// <summary>The stored copy's version: a claim is written only over the copy it was made from.</summary>
    public long Version { get; init; }

    public bool IsFree => RunningTaskId is null;

    /// <summary>Whose the device is to use now: its renter while rented, else its owner. Its tasks are theirs.</summary>
    public string OperatorId => RenterId ?? OwnerId;

    /// <summary>On the market for action payment and not rented: other employers' jobs may run on it.</summary>
    public bool IsOnActionMarket => IsOnMarket && PaymentType == ActionPayment && RenterId is null;

    /// <summary>
    /// Whether the device may run a task of <paramref name="job"/>: it accepts the job's automation, and the employer
    /// operates it (their own device, or one they rent) or it is on the market for action payment. A rented device runs
    /// only its renter's tasks.
    /// </summary>
    public bool MayRun(Job job) =>
        job.AutomationId is { } automation
        && (Automations.Count == 0 || Automations.Contains(automation))
        && (OperatorId == job.OwnerId || IsOnActionMarket);

    /// <summary>
    /// What the device's owner earns of a task of <paramref name="job"/> it runs: <paramref name="percent"/> of its pay
    /// (rounded down to 0.0001) on another employer's job, the rest being the market's commission; null on the job of
    /// its operator (the owner's own job, or the renter's, who pays by the hour instead): they pay themselves the whole pay.
    /// </summary>
    public decimal? OwnerShareOf(Job job, decimal percent) =>
        OperatorId == job.OwnerId ? null : Math.Round(job.JobPrice * percent / 100m, 4, MidpointRounding.ToZero);

    /// <summary>Free, online and allowed to run a task of <paramref name="job"/>.</summary>
    public bool CanTake(Job job) => Online && IsFree && MayRun(job);
}
