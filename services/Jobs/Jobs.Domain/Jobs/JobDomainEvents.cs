using Jobs.Domain.Automations;
using Platform.Domain;

namespace Jobs.Domain.Jobs;

/// <summary>An employer posted the job; <see cref="Automation"/> is the automation it runs (devices_automation jobs).</summary>
public sealed record JobPostedDomainEvent(Job Job, Automation? Automation) : IDomainEvent;

/// <summary>The job's status moved: the owner's switch, or the job ended (completed or expired).</summary>
public sealed record JobStatusChangedDomainEvent(Job Job, JobStatus Previous, JobStatus Current) : IDomainEvent;

/// <summary>The owner shared the job with a user, changed the share, or removed it (<see cref="Permission"/> null).</summary>
public sealed record JobShareChangedDomainEvent(Job Job, string UserId, SharePermission? Permission) : IDomainEvent;

/// <summary>Switching the inactive job back on was given up: what Payments held again for reopening <see cref="ReopenId"/> goes back.</summary>
public sealed record JobReopenAbandonedDomainEvent(Job Job, string ReopenId) : IDomainEvent;

/// <summary>The job was never posted: Payments may have held its cost, and must give it back.</summary>
public sealed record JobFundingAbandonedDomainEvent(Job Job) : IDomainEvent;
