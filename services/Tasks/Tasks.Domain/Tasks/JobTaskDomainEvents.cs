using Platform.Domain;

namespace Tasks.Domain.Tasks;

/// <summary>A worker applied (or a device was assigned): a running task holds a position.</summary>
public sealed record TaskAppliedDomainEvent(JobTask Task, JobTaskStatus Status) : IDomainEvent;

/// <summary>The worker handed in proof; the task went to <paramref name="Status"/> (pending, or processing for automatic checks).</summary>
public sealed record TaskSubmittedDomainEvent(JobTask Task, JobTaskStatus Status) : IDomainEvent;

/// <summary>The task moved from one status to another.</summary>
public sealed record TaskStatusChangedDomainEvent(JobTask Task, JobTaskStatus Previous, JobTaskStatus Current) : IDomainEvent;

/// <summary>The task was confirmed: its pay is due to the worker (and a referral bonus to the worker's referrer). Once per task.</summary>
public sealed record TaskConfirmedDomainEvent(JobTask Task) : IDomainEvent;

/// <summary>The assignment engine gave the task to its device (<see cref="JobTask.RemoteDeviceId"/>), which now runs it.</summary>
public sealed record DeviceAssignedDomainEvent(JobTask Task) : IDomainEvent;

/// <summary>The task's device no longer runs it (the agent completed it, or it failed): the device is free again.</summary>
public sealed record DeviceReleasedDomainEvent(JobTask Task) : IDomainEvent;

/// <summary>The employer removed a failed or declined task (deleted, or re-initiated): it no longer exists.</summary>
public sealed record TaskRemovedDomainEvent(JobTask Task) : IDomainEvent;
