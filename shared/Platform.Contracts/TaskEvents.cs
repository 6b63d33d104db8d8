namespace Platform.Contracts.Tasks;

// Statuses are the reference's spellings: running, processing, pending, confirmed, declined, notcomplete, failed.

/// <summary>A worker applied to a job (or a device was assigned): a running task now holds a position.</summary>
public sealed record TaskApplied(string TaskId, string JobId, string WorkerId, string EmployerId, string? PlannedTaskId, string? RemoteDeviceId)
    : IntegrationEvent
{
    /// <summary>
    /// The status the new task has: running after an apply; pending or processing when a submission took the task and
    /// handed its proof in at once (no TaskStatusChanged follows for that move). Absent in older messages: running.
    /// </summary>
    public string Status { get; init; } = "running";
}

/// <summary>The worker handed in proof; the task is now <paramref name="Status"/> (pending or processing). Payments shows its pay as pending earnings.</summary>
public sealed record TaskSubmitted(string TaskId, string JobId, string WorkerId, string Status, decimal Amount) : IntegrationEvent;

/// <summary>A task moved from one status to another. Jobs keeps its counters from these (and from TaskApplied and TaskFinished).</summary>
public sealed record TaskStatusChanged(string TaskId, string JobId, string WorkerId, string PreviousStatus, string Status) : IntegrationEvent;

/// <summary>A task was confirmed, once: Payments pays the worker <paramref name="Amount"/> and the referral bonus.</summary>
public sealed record TaskConfirmed(string TaskId, string JobId, string WorkerId, string EmployerId, decimal Amount) : IntegrationEvent;

/// <summary>A task is gone (deleted, or its planned task given out again) from status <paramref name="LastStatus"/>.</summary>
public sealed record TaskFinished(string TaskId, string JobId, string LastStatus) : IntegrationEvent;
