using Jobs.Domain.Automations;
using Platform.Domain;

namespace Jobs.Domain.Jobs;

/// <summary>The owner as shown on a job: id, name and country at the time of posting.</summary>
public sealed record JobOwner(string UserId, string? Name, string? Country);

/// <summary>What an employer posts. Counters are fed by the Tasks service's events.</summary>
public sealed record JobTerms(
    string Title,
    IReadOnlyList<string> Categories,
    string Description,
    string Proof,
    bool IsProofFile,
    bool AutoRate,
    string? Vcode,
    IReadOnlyList<string> TargetWorkers,
    bool FewTimes,
    bool Premium,
    bool Featured,
    int DurationDays,
    int Positions,
    int DailyLimit,
    decimal JobPrice,
    string JobType,
    string PaymentType,
    string? AutomationId)
{
    /// <summary>Who may take the job and what they hand in (none by default).</summary>
    public JobGates Gates { get; init; } = JobGates.None;

    /// <summary>The linked automation's parameters for this job (a JSON object, as text), checked against its parameters schema.</summary>
    public string? AutomationParameters { get; init; }
}

public sealed record JobCounters(int TotalTasks, int TasksDone, int TasksConfirmed, int TasksRunning, int TasksPending)
{
    public static JobCounters Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>
    /// The counters after a task moved from <paramref name="previous"/> to <paramref name="current"/> (null: the task
    /// did not exist yet / no longer exists). Running counts running tasks; pending counts submitted tasks waiting for
    /// review or checks (pending, processing); done and confirmed count confirmed ones; total counts every task.
    /// </summary>
    public JobCounters Move(TaskState? previous, TaskState? current) => (this with
    {
        TotalTasks = TotalTasks - (previous is null ? 0 : 1) + (current is null ? 0 : 1),
        TasksRunning = TasksRunning - Is(previous, TaskState.Running) + Is(current, TaskState.Running),
        TasksPending = TasksPending - Is(previous, TaskState.Waiting) + Is(current, TaskState.Waiting),
        TasksConfirmed = TasksConfirmed - Is(previous, TaskState.Confirmed) + Is(current, TaskState.Confirmed),
        TasksDone = TasksDone - Is(previous, TaskState.Confirmed) + Is(current, TaskState.Confirmed),
    });

    private static int Is(TaskState? state, TaskState wanted) => state == wanted ? 1 : 0;

    /// <summary>
    /// The counters as shown: a task's events are handled by different consumers, so a move may be counted before the
    /// task's apply and leave a count below zero for a moment. The stored counts are exact sums (the moves commute, so
    /// they end right whatever the order); only what is shown is held at zero.
    /// </summary>
    public JobCounters Shown => new(Math.Max(TotalTasks, 0), Math.Max(TasksDone, 0), Math.Max(TasksConfirmed, 0),
        Math.Max(TasksRunning, 0), Math.Max(TasksPending, 0));
}

/// <summary>What a job's counters tell apart of a task's status (the Tasks service owns the statuses themselves).</summary>
public enum TaskState
{
    Running,
    /// <summary>Submitted, waiting for review or for the automatic checks.</summary>
    Waiting,
    Confirmed,
    /// <summary>Declined, failed, or sent back for a redo: counted in the total only.</summary>
    Other,
}

/// <summary>
/// The job aggregate: its terms, status, owner and shares. Only the owner or an edit share may change it. Each change
/// records a domain event (posted, status changed, share changed) that the repository stores with it.
/// </summary>
public sealed class Job : AggregateRoot
{
    private readonly List<JobShare> _shares;

    private Job(string id, JobOwner owner, JobTerms terms, JobStatus status, DateTime added, JobCounters counters, IEnumerable<JobShare> shares, long version,
        decimal? charged = null, JobReopening? reopening = null)
    {
        Charged = charged;
        Reopening = reopening;
        Id = id;
        Owner = owner;
        Terms = terms;
        Status = status;
        Added = added;
        Counters = counters;
        _shares = shares.ToList();
        Version = version;
    }

    public string Id { get; }
    public JobOwner Owner { get; }
    public JobTerms Terms { get; }
    public JobStatus Status { get; private set; }
    public DateTime Added { get; }
    public JobCounters Counters { get; private set; }
    public IReadOnlyList<JobShare> Shares => _shares;
    /// <summary>The stored version this instance was read or last written at (optimistic concurrency).</summary>
    public long Version { get; private set; }

    /// <summary>The store wrote this instance at <paramref name="version"/>.</summary>
    public void MarkStored(long version) => Version = version;

    /// <summary>
    /// A switch back on under way: Payments is (or was) asked to hold the job's unpaid positions again under its id, and
    /// the job stays inactive until that answer is saved. Null otherwise.
    /// </summary>
    public JobReopening? Reopening { get; private set; }

    /// <summary>What the employer was charged for the job (the pay of every position plus the platform's fee); null until funded.</summary>
    public decimal? Charged { get; private set; }

    /// <summary>What the job cost its employer: what was charged (the price per task times positions, before funding).</summary>
    public decimal TotalPrice => Charged ?? Terms.JobPrice * Terms.Positions;

    /// <summary>Whether anyone may see the job: not while it waits for its funding, nor once that was abandoned.</summary>
    public bool IsPosted => Status is not (JobStatus.Funding or JobStatus.Abandoned);

    /// <summary>
    /// Posts a job; it starts <see cref="JobStatus.Funding"/>, seen by nobody until <see cref="MarkFunded"/>.
    /// <paramref name="automation"/> is the automation the terms link (found by the caller), which a devices_automation
    /// job must have.
    /// </summary>
    public static Job Post(string id, JobOwner owner, JobTerms terms, Automation? automation, DateTime now)
    {
        if (terms.Positions < JobRules.MinPositions) throw new JobRuleException("positions must be at least 1");
        if (terms.DurationDays < JobRules.MinDurationDays) throw new JobRuleException("duration must be at least 1 day");
        if (terms.JobPrice <= 0) throw new JobRuleException("job_price must be greater than 0");
        if (terms.JobType == JobRules.DevicesAutomation && terms.AutomationId is null)
            throw new JobRuleException("automation_id is required when job_type is devices_automation");
        if (terms.AutomationId != automation?.Id)
            throw new ArgumentException("The automation passed is not the one the terms link.", nameof(automation));
        if (terms.AutomationParameters is { } parameters) CheckParameters(parameters, automation);
        // Times are kept to the millisecond, so that the job, its event and its stored copy agree.
        var added = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        return new Job(id, owner, terms, JobStatus.Funding, added, JobCounters.Zero, [], 0);
    }

    /// <summary>Parameters need an automation, and must fit its parameters schema when it has one (no undeclared keys).</summary>
    private static void CheckParameters(string parameters, Automation? automation)
    {
        if (automation is null) throw new JobRuleException("automationParameters needs an automation (automation_id)");
        if (System.Text.Json.Nodes.JsonNode.Parse(parameters) is not System.Text.Json.Nodes.JsonObject values)
            throw new JobRuleException("automationParameters must be a JSON object");
        if (automation.ParametersSchema is not { } schema) return;
        var problems = InputValues.Problems(values, schema.Fields.Select(f => new InputField(f.Name, f.Type, f.Required, f.Min, f.Max)).ToList(),
            "automationParameters", allowUndeclared: false);
        if (problems.Count > 0) throw new JobRuleException(string.Join("; ", problems));
    }

    public static Job Restore(string id, JobOwner owner, JobTerms terms, JobStatus status, DateTime added, JobCounters counters, IEnumerable<JobShare> shares, long version,
        decimal? charged = null, JobReopening? reopening = null) =>
        new(id, owner, terms, status, added, counters, shares, version, charged, reopening);

    /// <summary>
    /// Payments holds the job's cost, <paramref name="charged"/>: the job is active, and the world hears of it, with the
    /// <paramref name="automation"/> its terms link (found by the caller).
    /// </summary>
    public void MarkFunded(decimal charged, Automation? automation)
    {
        if (Terms.AutomationId != automation?.Id) throw new ArgumentException("The automation passed is not the one the terms link.", nameof(automation));
        if (Status != JobStatus.Funding) throw new JobRuleException($"The job is {Status.ToString().ToLowerInvariant()}, not waiting for its funding");
        if (charged <= 0) throw new JobRuleException("A funded job was charged more than 0");
        Charged = charged;
        Status = JobStatus.Active;
        Raise(new JobPostedDomainEvent(this, automation));
    }

    /// <summary>The funding could not be confirmed: the job is never posted, and Payments gives back whatever it held.</summary>
    public void AbandonFunding()
    {
        if (Status != JobStatus.Funding) throw new JobRuleException($"The job is {Status.ToString().ToLowerInvariant()}, not waiting for its funding");
        Status = JobStatus.Abandoned;
        Raise(new JobFundingAbandonedDomainEvent(this));
    }

    public bool IsOwnedBy(string userId) => Owner.UserId == userId;

    public bool CanView(string userId) => IsOwnedBy(userId) || _shares.Any(s => s.UserId == userId);

    public bool CanEdit(string userId) => IsOwnedBy(userId) || _shares.Any(s => s.UserId == userId && s.Permission == SharePermission.Edit);

    /// <summary>Visible to anyone while active; otherwise only to the owner and shares.</summary>
    public bool IsVisibleTo(string userId) => Status == JobStatus.Active || CanView(userId);

    /// <summary>When the job's duration ends (<see cref="Added"/> + duration days).</summary>
    public DateTime ExpiresAt => Added.AddDays(Terms.DurationDays);

    /// <summary>Completed or expired: the job takes no new work and its status no longer changes.</summary>
    public bool HasEnded => Status is JobStatus.Completed or JobStatus.Expired;

    /// <summary>
    /// The owner's switch between active and inactive; returns false when it already was that status (nothing changes,
    /// no event). An ended job can't be switched back on.
    /// </summary>
    public bool ChangeStatus(JobStatus status)
    {
        if (status is not (JobStatus.Active or JobStatus.Inactive)) throw new JobRuleException("status must be active or inactive");
        if (!IsPosted) throw new JobRuleException("The job was never posted");
        if (Status == status) return false;
        if (HasEnded) throw new JobRuleException($"The job is {Status.ToString().ToLowerInvariant()}; its status can no longer change");
        MoveTo(status);
        return true;
    }

    /// <summary>
    /// The first step of switching an inactive job back on: the job stays inactive, marked with <paramref name="reopenId"/>
    /// (the id Payments holds the money under), until <see cref="CompleteReopening"/> or <see cref="AbandonReopening"/>.
    /// A mark left by a switch that never finished (a crash) is given up by the sweep, which tells Payments to give back.
    /// </summary>
    public void BeginReopening(string reopenId, DateTime now)
    {
        if (!IsPosted) throw new JobRuleException("The job was never posted");
        if (HasEnded) throw new JobRuleException($"The job is {Status.ToString().ToLowerInvariant()}; its status can no longer change");
        if (Status != JobStatus.Inactive) throw new JobRuleException("Only an inactive job is switched back on");
        // A switch still marked (concurrent, or one that stopped) is given up in favour of this one.
        if (Reopening is { } earlier) Raise(new JobReopenAbandonedDomainEvent(this, earlier.ReopenId));
        Reopening = new JobReopening(reopenId, now);
    }

    /// <summary>Payments holds the money again under <paramref name="reopenId"/>: the job is active. False when that reopening is no longer the job's.</summary>
    public bool CompleteReopening(string reopenId)
    {
        if (Reopening?.ReopenId != reopenId || Status != JobStatus.Inactive) return false;
        Reopening = null;
        MoveTo(JobStatus.Active);
        return true;
    }

    /// <summary>The reopening is given up: the job stays as it is, and Payments gives back what it held for it.</summary>
    public void AbandonReopening(string reopenId)
    {
        if (Reopening?.ReopenId == reopenId) Reopening = null;
        Raise(new JobReopenAbandonedDomainEvent(this, reopenId));
    }

    /// <summary>
    /// Ends the job once its duration has passed at <paramref name="now"/>: completed when every position is done,
    /// expired otherwise. Returns false when it has not passed or the job already ended.
    /// </summary>
    public bool EndIfDue(DateTime now)
    {
        if (HasEnded || !IsPosted || now < ExpiresAt) return false;
        MoveTo(Counters.TasksConfirmed >= Terms.Positions ? JobStatus.Completed : JobStatus.Expired);
        return true;
    }

    private void MoveTo(JobStatus status)
    {
        var previous = Status;
        Status = status;
        Raise(new JobStatusChangedDomainEvent(this, previous, status));
    }

    /// <summary>
    /// A job whose confirmed tasks reach its positions completes (its counters are kept by the repository's atomic
    /// increments from the task events). False when it has not, or has already ended.
    /// </summary>
    public bool CompleteWhenDone()
    {
        if (HasEnded || !IsPosted || Counters.TasksConfirmed < Terms.Positions) return false;
        MoveTo(JobStatus.Completed);
        return true;
    }

    public void ShareWith(string userId, SharePermission permission)
    {
        if (userId == Owner.UserId) throw new JobRuleException("The owner can't share a job with themselves");
        _shares.RemoveAll(s => s.UserId == userId);
        _shares.Add(new JobShare(userId, permission));
        Raise(new JobShareChangedDomainEvent(this, userId, permission));
    }

    /// <summary>Removes the user's share; false when there was none (nothing changes, no event).</summary>
    public bool Unshare(string userId)
    {
        if (_shares.RemoveAll(s => s.UserId == userId) == 0) return false;
        Raise(new JobShareChangedDomainEvent(this, userId, null));
        return true;
    }
}

/// <summary>A job rule was broken; the message names the rule.</summary>
public sealed class JobRuleException(string message) : DomainRuleException(message);

/// <summary>A switch of the job back on, under way since <paramref name="Since"/>, whose money Payments holds under <paramref name="ReopenId"/>.</summary>
public sealed record JobReopening(string ReopenId, DateTime Since);
