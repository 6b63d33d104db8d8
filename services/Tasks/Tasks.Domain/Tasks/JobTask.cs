using Platform.Domain;

namespace Tasks.Domain.Tasks;

/// <summary>
/// One worker's (or device's) task on a job: the state machine of <see cref="JobTaskStatus"/>, enforced here. A change
/// that isn't a move of the machine is refused naming the current status; asking for the status the task already has
/// changes nothing and records nothing.
/// </summary>
public sealed class JobTask : AggregateRoot
{
    /// <summary>The employer's reviews (route 2): which statuses each status may be moved to.</summary>
    private static readonly Dictionary<JobTaskStatus, JobTaskStatus[]> Reviews = new()
    {
        [JobTaskStatus.Pending] = [JobTaskStatus.Confirmed, JobTaskStatus.Declined, JobTaskStatus.NotComplete],
        [JobTaskStatus.Processing] = [JobTaskStatus.Confirmed, JobTaskStatus.Declined, JobTaskStatus.NotComplete, JobTaskStatus.Pending],
        [JobTaskStatus.NotComplete] = [JobTaskStatus.Declined],
    };

    private JobTask(string id, string jobId, string employerId, string workerId, decimal pay, JobTaskStatus status, DateTime added, DateTime updated,
        string? proof, string? comment, long version)
    {
        Id = id;
        JobId = jobId;
        EmployerId = employerId;
        WorkerId = workerId;
        Pay = pay;
        Status = status;
        Added = added;
        Updated = updated;
        Proof = proof;
        Comment = comment;
        Version = version;
    }

    public string Id { get; }
    public string JobId { get; }
    public string EmployerId { get; }
    public string WorkerId { get; }
    /// <summary>What the task pays the worker when confirmed (the job's price when it was applied for).</summary>
    public decimal Pay { get; }
    public JobTaskStatus Status { get; private set; }
    public DateTime Added { get; }
    public DateTime Updated { get; private set; }
    public string? Proof { get; private set; }
    public string? Comment { get; private set; }
    public long Version { get; }

    /// <summary>Running, processing, pending, notcomplete and confirmed tasks hold a position of their job.</summary>
    public bool HoldsPosition => Status is not (JobTaskStatus.Declined or JobTaskStatus.Failed);

    /// <summary>Only a failed or declined task may be deleted, or its planned task given out again.</summary>
    public bool HasFailedOrBeenDeclined => Status is JobTaskStatus.Failed or JobTaskStatus.Declined;

    public static JobTask Apply(string id, string jobId, string employerId, string workerId, decimal pay, DateTime now)
    {
        if (workerId == employerId) throw new JobTaskRuleException("An employer can't apply to their own job");
        if (pay <= 0) throw new JobTaskRuleException("A task pays more than 0");
        var task = new JobTask(id, jobId, employerId, workerId, pay, JobTaskStatus.Running, now, now, null, null, 0);
        task.Raise(new TaskAppliedDomainEvent(task));
        return task;
    }

    public static JobTask Restore(string id, string jobId, string employerId, string workerId, decimal pay, JobTaskStatus status, DateTime added,
        DateTime updated, string? proof, string? comment, long version) =>
        new(id, jobId, employerId, workerId, pay, status, added, updated, proof, comment, version);

    /// <summary>
    /// The worker hands in proof: a running task, or one sent back for a redo, waits for review (pending), or for the
    /// automatic checks first (processing).
    /// </summary>
    public void Submit(string proof, bool automaticChecks, DateTime now)
    {
        if (Status is not (JobTaskStatus.Running or JobTaskStatus.NotComplete))
            throw new JobTaskRuleException($"The task is {Status.ToString().ToLowerInvariant()}; only a running or notcomplete task can be submitted");
        Proof = proof;
        MoveTo(automaticChecks ? JobTaskStatus.Processing : JobTaskStatus.Pending, now);
        Raise(new TaskSubmittedDomainEvent(this));
    }

    /// <summary>The automatic checks finished: passed confirms the task, otherwise it waits for the employer.</summary>
    public void CompleteChecks(bool passed, DateTime now)
    {
        if (Status != JobTaskStatus.Processing)
            throw new JobTaskRuleException($"The task is {Status.ToString().ToLowerInvariant()}; only a processing task is checked");
        MoveTo(passed ? JobTaskStatus.Confirmed : JobTaskStatus.Pending, now);
    }

    /// <summary>
    /// The employer sets the task's status (confirmed, declined, notcomplete; pending for one under checks), with an
    /// optional comment. False when it already had that status: nothing changes, nothing is recorded.
    /// </summary>
    public bool Review(JobTaskStatus status, string? comment, DateTime now)
    {
        if (status == Status) return false;
        if (!Reviews.TryGetValue(Status, out var allowed) || !allowed.Contains(status))
            throw new JobTaskRuleException(
                $"The task is {Status.ToString().ToLowerInvariant()}; it can't be set to {status.ToString().ToLowerInvariant()}");
        Comment = comment ?? Comment;
        MoveTo(status, now);
        return true;
    }

    /// <summary>The automation running the task reported failure.</summary>
    public void Fail(string? reason, DateTime now)
    {
        if (Status is not (JobTaskStatus.Running or JobTaskStatus.Processing))
            throw new JobTaskRuleException($"The task is {Status.ToString().ToLowerInvariant()}; only a running or processing task can fail");
        Comment = reason ?? Comment;
        MoveTo(JobTaskStatus.Failed, now);
    }

    private void MoveTo(JobTaskStatus status, DateTime now)
    {
        var previous = Status;
        Status = status;
        Updated = now;
        Raise(new TaskStatusChangedDomainEvent(this, previous, status));
        // Confirmed is an end, so a task is confirmed (and paid) once.
        if (status == JobTaskStatus.Confirmed) Raise(new TaskConfirmedDomainEvent(this));
    }
}

/// <summary>A task rule was broken; the message names the task's current status.</summary>
public sealed class JobTaskRuleException(string message) : DomainRuleException(message);
