using Platform.Domain;

namespace Tasks.Domain.Tasks;

/// <summary>The job a task belongs to, as the task remembers it: its id, employer, title and what one task pays.</summary>
public sealed record TaskJob(string JobId, string EmployerId, string Title, decimal Pay);

/// <summary>Who does the task: the user, their name and country, and the address they submitted from.</summary>
public sealed record TaskWorker(string UserId, string? Name, string? Country, string? Ip = null);

/// <summary>A file handed in with the proof: the job's field it fills, the name it came with, its sniffed type, size and stored name.</summary>
public sealed record ProofFile(string Field, string FileName, string MediaType, long Size, string StoredName);

/// <summary>Everything a stored task is made of; the repository restores a task from it.</summary>
public sealed record JobTaskRecord(
    string Id,
    TaskJob Job,
    TaskWorker Worker,
    string? PlannedTaskId,
    string? RemoteDeviceId,
    JobTaskStatus Status,
    DateTime Added,
    DateTime Updated,
    string? Proof,
    string? Comment,
    IReadOnlyList<ProofFile> ProofFiles,
    string? FailureReason,
    long Version,
    decimal? DeviceOwnerShare = null,
    bool IsDataDump = false);

/// <summary>
/// One worker's (or device's) task on a job: the state machine of <see cref="JobTaskStatus"/>, enforced here. A change
/// that isn't a move of the machine is refused naming the current status; asking for the status the task already has
/// changes nothing and records nothing.
/// </summary>
public sealed class JobTask : AggregateRoot
{
    /// <summary>The longest proof text a worker hands in.</summary>
    public const int MaxProofLength = 10_000;

    /// <summary>The employer's reviews (route 2): which statuses each status may be moved to.</summary>
    private static readonly Dictionary<JobTaskStatus, JobTaskStatus[]> Reviews = new()
    {
        [JobTaskStatus.Pending] = [JobTaskStatus.Confirmed, JobTaskStatus.Declined, JobTaskStatus.NotComplete],
        [JobTaskStatus.Processing] = [JobTaskStatus.Confirmed, JobTaskStatus.Declined, JobTaskStatus.NotComplete, JobTaskStatus.Pending],
        [JobTaskStatus.NotComplete] = [JobTaskStatus.Declined],
    };

    private JobTask(JobTaskRecord r)
    {
        Id = r.Id;
        Job = r.Job;
        Worker = r.Worker;
        PlannedTaskId = r.PlannedTaskId;
        RemoteDeviceId = r.RemoteDeviceId;
        Status = r.Status;
        Added = r.Added;
        Updated = r.Updated;
        Proof = r.Proof;
        Comment = r.Comment;
        ProofFiles = r.ProofFiles;
        FailureReason = r.FailureReason;
        Version = r.Version;
        DeviceOwnerShare = r.DeviceOwnerShare;
        IsDataDump = r.IsDataDump;
    }

    public string Id { get; }
    public TaskJob Job { get; }
    public string JobId => Job.JobId;
    public string EmployerId => Job.EmployerId;
    public TaskWorker Worker { get; private set; }
    public string WorkerId => Worker.UserId;
    /// <summary>What the task pays the worker when confirmed (the job's price when it was applied for).</summary>
    public decimal Pay => Job.Pay;
    /// <summary>The planned task (the job's input) this task was given, if the job has planned tasks.</summary>
    public string? PlannedTaskId { get; }
    /// <summary>The device running the task; null when a person does it.</summary>
    public string? RemoteDeviceId { get; }
    public JobTaskStatus Status { get; private set; }
    public DateTime Added { get; }
    public DateTime Updated { get; private set; }
    public string? Proof { get; private set; }
    public string? Comment { get; private set; }
    public IReadOnlyList<ProofFile> ProofFiles { get; private set; }
    public string? FailureReason { get; private set; }
    /// <summary>What the owner of the market device that ran the task earns of its pay when it is confirmed; null for a person's task or the employer's own device.</summary>
    public decimal? DeviceOwnerShare { get; }
    /// <summary>
    /// Written by an agent running another job into this (sink) job, route 11's data-dump mode: it never took a
    /// position of the job, so it holds none and gives none back.
    /// </summary>
    public bool IsDataDump { get; }
    public long Version { get; }
    /// <summary>Deleted or re-initiated: the task no longer exists once stored.</summary>
    public bool IsRemoved { get; private set; }

    /// <summary>Running, processing, pending, notcomplete and confirmed tasks hold a position of their job (a data dump never does).</summary>
    public bool HoldsPosition => HeldPositionAs(Status);

    /// <summary>Whether this task held a position of its job while it was <paramref name="status"/>.</summary>
    public bool HeldPositionAs(JobTaskStatus status) => !IsDataDump && HoldsPositionIn(status);

    public static bool HoldsPositionIn(JobTaskStatus status) => status is not (JobTaskStatus.Declined or JobTaskStatus.Failed);

    /// <summary>Only a failed or declined task may be deleted, or its planned task given out again.</summary>
    public bool HasFailedOrBeenDeclined => Status is JobTaskStatus.Failed or JobTaskStatus.Declined;

    /// <summary>A task the worker may hand proof in for: running, or sent back for a redo.</summary>
    public bool AwaitsProof => Status is JobTaskStatus.Running or JobTaskStatus.NotComplete;

    public static JobTask Apply(string id, TaskJob job, TaskWorker worker, string? plannedTaskId, string? remoteDeviceId, DateTime now)
    {
        var task = New(id, job, worker, plannedTaskId, remoteDeviceId, now);
        task.Raise(new TaskAppliedDomainEvent(task, task.Status));
        return task;
    }

    /// <summary>
    /// A task taken and handed in at once (a submission to a job without planned tasks, with no apply first): it is
    /// first stored already submitted, so it is announced once, as applied in the status the submission gave it
    /// (pending, or processing for the automatic checks), and never as a move out of running.
    /// </summary>
    public static JobTask ApplySubmitted(string id, TaskJob job, TaskWorker worker, string proof, IReadOnlyList<ProofFile> files, bool automaticChecks,
        DateTime now)
    {
        var task = New(id, job, worker, null, null, now);
        task.HandIn(proof, files, worker.Ip, automaticChecks ? JobTaskStatus.Processing : JobTaskStatus.Pending, now);
        task.Raise(new TaskAppliedDomainEvent(task, task.Status));
        task.Raise(new TaskSubmittedDomainEvent(task, task.Status));
        return task;
    }

    /// <summary>
    /// The assignment engine gives a planned task of an automation job to a device: the task runs on
    /// <paramref name="remoteDeviceId"/> for its owner (<paramref name="owner"/>, who may be the employer: their own
    /// device). Announced as applied, and as assigned to the device.
    /// </summary>
    public static JobTask Assign(string id, TaskJob job, TaskWorker owner, string plannedTaskId, string remoteDeviceId, decimal? deviceOwnerShare, DateTime now)
    {
        if (job.Pay <= 0) throw new JobTaskRuleException("A task pays more than 0");
        if (deviceOwnerShare is < 0 || deviceOwnerShare > job.Pay) throw new JobTaskRuleException("A device owner's share is part of the task's pay");
        var task = new JobTask(new JobTaskRecord(id, job, owner, plannedTaskId, remoteDeviceId, JobTaskStatus.Running, now, now, null, null, [], null, 0,
            deviceOwnerShare));
        task.Raise(new TaskAppliedDomainEvent(task, task.Status));
        task.Raise(new DeviceAssignedDomainEvent(task));
        return task;
    }

    /// <summary>
    /// An agent running a task of another job writes a record into this sink job (route 11, data-dump mode): the task
    /// is the device owner's (<paramref name="worker"/>, who may be the employer: their own device), run on
    /// <paramref name="remoteDeviceId"/>, stored as <paramref name="status"/> (pending for review, or failed or declined
    /// as the agent says) with its JSON proof and files. It takes no position of the job. Announced as applied in that
    /// status, and as submitted when pending.
    /// </summary>
    public static JobTask DumpData(string id, TaskJob job, TaskWorker worker, string remoteDeviceId, decimal? deviceOwnerShare, JobTaskStatus status,
        string proof, IReadOnlyList<ProofFile> files, DateTime now)
    {
        if (job.Pay <= 0) throw new JobTaskRuleException("A task pays more than 0");
        if (deviceOwnerShare is < 0 || deviceOwnerShare > job.Pay) throw new JobTaskRuleException("A device owner's share is part of the task's pay");
        if (status is not (JobTaskStatus.Pending or JobTaskStatus.Failed or JobTaskStatus.Declined))
            throw new JobTaskRuleException("A data dump is pending, failed or declined");
        if (proof.Length > MaxProofLength) throw new JobTaskRuleException($"job_proof must be at most {MaxProofLength} characters");
        var task = new JobTask(new JobTaskRecord(id, job, worker, null, remoteDeviceId, status, now, now, proof, null, files, null, 0, deviceOwnerShare,
            IsDataDump: true));
        task.Raise(new TaskAppliedDomainEvent(task, status));
        if (status == JobTaskStatus.Pending) task.Raise(new TaskSubmittedDomainEvent(task, status));
        return task;
    }

    /// <summary>
    /// The device's agent reports the running task's outcome: <see cref="JobTaskStatus.Pending"/> with its proof (for
    /// the employer's review) or <see cref="JobTaskStatus.Failed"/> with a reason. The device is free again.
    /// </summary>
    public void CompleteOnDevice(JobTaskStatus outcome, string? proof, string? failureReason, DateTime now)
    {
        if (RemoteDeviceId is null) throw new JobTaskRuleException("Only a device's task is completed by its agent");
        if (Status != JobTaskStatus.Running)
            throw new JobTaskRuleException($"The task is {Status.ToWord()}; only a running task can be completed");
        switch (outcome)
        {
            case JobTaskStatus.Pending:
                HandIn(proof ?? string.Empty, [], null, JobTaskStatus.Pending, now);
                Raise(new TaskStatusChangedDomainEvent(this, JobTaskStatus.Running, Status));
                Raise(new TaskSubmittedDomainEvent(this, Status));
                break;
            case JobTaskStatus.Failed:
                Fail(failureReason, now);
                break;
            default:
                throw new JobTaskRuleException("A device's task completes pending or failed");
        }
        Raise(new DeviceReleasedDomainEvent(this));
    }

    private static JobTask New(string id, TaskJob job, TaskWorker worker, string? plannedTaskId, string? remoteDeviceId, DateTime now)
    {
        if (worker.UserId == job.EmployerId) throw new JobTaskRuleException("You can't apply to your own job");
        if (job.Pay <= 0) throw new JobTaskRuleException("A task pays more than 0");
        return new JobTask(new JobTaskRecord(id, job, worker, plannedTaskId, remoteDeviceId, JobTaskStatus.Running, now, now, null, null, [], null, 0));
    }

    public static JobTask Restore(JobTaskRecord record) => new(record);

    /// <summary>
    /// The worker hands in proof (and files) from <paramref name="ip"/>: a running task, or one sent back for a redo,
    /// waits for review (pending), or for the automatic checks first (processing).
    /// </summary>
    public void Submit(string proof, IReadOnlyList<ProofFile> files, string? ip, bool automaticChecks, DateTime now)
    {
        if (!AwaitsProof)
            throw new JobTaskRuleException($"The task is {Status.ToWord()}; only a running or notcomplete task can be submitted");
        var previous = Status;
        HandIn(proof, files, ip, automaticChecks ? JobTaskStatus.Processing : JobTaskStatus.Pending, now);
        Raise(new TaskStatusChangedDomainEvent(this, previous, Status));
        Raise(new TaskSubmittedDomainEvent(this, Status));
    }

    private void HandIn(string proof, IReadOnlyList<ProofFile> files, string? ip, JobTaskStatus status, DateTime now)
    {
        if (proof.Length > MaxProofLength) throw new JobTaskRuleException($"job_proof must be at most {MaxProofLength} characters");
        Proof = proof;
        ProofFiles = files;
        if (ip is not null) Worker = Worker with { Ip = ip };
        Status = status;
        Updated = now;
    }

    /// <summary>The automatic checks finished: passed confirms the task, otherwise it waits for the employer.</summary>
    public void CompleteChecks(bool passed, DateTime now)
    {
        if (Status != JobTaskStatus.Processing)
            throw new JobTaskRuleException($"The task is {Status.ToWord()}; only a processing task is checked");
        MoveTo(passed ? JobTaskStatus.Confirmed : JobTaskStatus.Pending, now);
    }

    /// <summary>
    /// The employer sets the task's status (confirmed, declined, notcomplete; pending for one under checks), with an
    /// optional comment. False when it already had that status: nothing changes, nothing is recorded.
    /// </summary>
    public bool Review(JobTaskStatus status, string? comment, DateTime now)
    {
        if (status == Status) return false;
        if (!CanBeReviewedAs(status))
            throw new JobTaskRuleException($"The task is {Status.ToWord()}; it can't be set to {status.ToWord()}");
        Comment = comment ?? Comment;
        MoveTo(status, now);
        return true;
    }

    /// <summary>Whether a review may move the task to <paramref name="status"/> (or it has it already).</summary>
    public bool CanBeReviewedAs(JobTaskStatus status) =>
        status == Status || (Reviews.TryGetValue(Status, out var allowed) && allowed.Contains(status));

    /// <summary>The automation running the task reported failure.</summary>
    public void Fail(string? reason, DateTime now)
    {
        if (Status is not (JobTaskStatus.Running or JobTaskStatus.Processing))
            throw new JobTaskRuleException($"The task is {Status.ToWord()}; only a running or processing task can fail");
        FailureReason = reason;
        MoveTo(JobTaskStatus.Failed, now);
    }

    /// <summary>
    /// The employer removes a failed or declined task (deleted, or re-initiated so its planned task is given out
    /// again). Records that the task is gone.
    /// </summary>
    public void Remove()
    {
        if (IsRemoved) return;
        if (!HasFailedOrBeenDeclined) throw new JobTaskRuleException(CannotRemove(Status));
        IsRemoved = true;
        Raise(new TaskRemovedDomainEvent(this));
    }

    /// <summary>Why a task in <paramref name="status"/> can't be removed (the reference's words).</summary>
    public static string CannotRemove(JobTaskStatus status) =>
        $"Cannot delete job task with status '{status.ToWord()}'. Only tasks with status: failed, declined can be deleted.";

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
