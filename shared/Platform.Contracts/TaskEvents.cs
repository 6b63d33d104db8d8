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
public sealed record TaskConfirmed(string TaskId, string JobId, string WorkerId, string EmployerId, decimal Amount) : IntegrationEvent
{
    /// <summary>The device that ran the task (its owner is the worker); null for a person's task.</summary>
    public string? RemoteDeviceId { get; init; }

    /// <summary>
    /// On another owner's market device: what of <see cref="Amount"/> the device's owner earns (the rest is the market's
    /// commission). Null for a person's task and for the employer's own device.
    /// </summary>
    public decimal? DeviceOwnerShare { get; init; }
}

/// <summary>A task is gone (deleted, or its planned task given out again) from status <paramref name="LastStatus"/>.</summary>
public sealed record TaskFinished(string TaskId, string JobId, string LastStatus) : IntegrationEvent;

/// <summary>
/// The assignment engine gave a planned task of an automation job to a device: the job task runs on it until its agent
/// completes it (or it fails). Devices shows the device busy meanwhile.
/// </summary>
public sealed record DeviceAssigned(string TaskId, string JobId, string EmployerId, string PlannedTaskId, string RemoteDeviceId, string OwnerId) : IntegrationEvent;

/// <summary>A device's task left running (completed by its agent, or failed): the device is free for another.</summary>
public sealed record DeviceReleased(string TaskId, string JobId, string RemoteDeviceId, string Status) : IntegrationEvent;
