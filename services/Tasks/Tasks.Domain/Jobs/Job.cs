using Tasks.Domain.Tasks;

namespace Tasks.Domain.Jobs;

/// <summary>A proof file a submission carries: the field's name, whether it must be there, the media types it may have (type/* for any subtype).</summary>
public sealed record ProofFileField(string Name, bool Required, IReadOnlyList<string> Types)
{
    public bool Accepts(string mediaType) => Types.Count == 0 || Types.Any(t =>
        string.Equals(t, mediaType, StringComparison.OrdinalIgnoreCase) ||
        (t.EndsWith("/*", StringComparison.Ordinal) && mediaType.StartsWith(t[..^1], StringComparison.OrdinalIgnoreCase)));
}

/// <summary>What a job's owner lets a shared user do: see its tasks, or also review and manage them.</summary>
public enum SharePermission
{
    View,
    Edit,
}

/// <summary>Who may apply to a job and what a submission carries, as Jobs posted them (see the Jobs service for their meaning).</summary>
public sealed record JobGates(
    IReadOnlyList<string> TargetWorkers,
    bool FewTimes,
    bool Premium,
    int MinRating,
    IReadOnlyList<string> AllowedWorkers,
    IReadOnlyList<string> WorkerInvites,
    int TaskLimit,
    int DailyLimit,
    IReadOnlyList<ProofFileField> Files);

/// <summary>
/// Tasks' replica of a job, fed by Jobs' events: what applying, submitting and reviewing need to know. It decides who
/// may apply (<see cref="RefusalFor"/>); the counted limits (positions, tasks per worker, per day) are kept by atomic
/// counters beside it, with the limits read from here.
/// </summary>
public sealed record Job
{
    public const string Worldwide = "worldwide";
    public const string DevicesAutomation = "devices_automation";

    public required string Id { get; init; }
    public required string OwnerId { get; init; }
    public required string Title { get; init; }
    public required string JobType { get; init; }
    public required decimal JobPrice { get; init; }
    public required int Positions { get; init; }
    public required JobGates Gates { get; init; }
    public bool AutoRate { get; init; }
    public string? Vcode { get; init; }
    public string? AutomationId { get; init; }
    /// <summary>The automation's parameters for this job (a JSON object, as text), handed to the agents that run its tasks.</summary>
    public string? AutomationParameters { get; init; }
    public required JobStatus Status { get; init; }
    public required DateTime Added { get; init; }
    public required DateTime ExpiresAt { get; init; }
    public IReadOnlyDictionary<string, SharePermission> Shares { get; init; } = new Dictionary<string, SharePermission>();
    /// <summary>The stored copy's version: a change is written only over the copy it was made from.</summary>
    public long Version { get; init; }

    public TaskJob ForTask => new(Id, OwnerId, Title, JobPrice);

    public bool CanView(string userId) => userId == OwnerId || Shares.ContainsKey(userId);

    public bool CanManage(string userId) => userId == OwnerId || (Shares.TryGetValue(userId, out var p) && p == SharePermission.Edit);

    public bool IsOpenAt(DateTime now) => Status == JobStatus.Active && now < ExpiresAt;

    /// <summary>
    /// The most tasks one worker may take: one unless the job is few_times, then task_limit (0: no limit). Null for no limit.
    /// </summary>
    public int? TasksPerWorker => !Gates.FewTimes ? 1 : Gates.TaskLimit > 0 ? Gates.TaskLimit : null;

    /// <summary>New tasks per UTC day for the whole job; null for no limit.</summary>
    public int? TasksPerDay => Gates.DailyLimit > 0 ? Gates.DailyLimit : null;

    /// <summary>
    /// An automation's data sink: a devices_automation job with an automation and no planned tasks takes JSON dumps from
    /// agents running another job of the same automation (the Devices issue serves that mode).
    /// </summary>
    public bool TakesDataDumps(bool hasPlannedTasks) => JobType == DevicesAutomation && AutomationId is not null && !hasPlannedTasks;

    /// <summary>
    /// Why <paramref name="applicant"/> may not apply at <paramref name="now"/>, or null when the gates let them through
    /// (the counted limits are checked after). Invited workers pass the allowed-workers list and the premium bar.
    /// </summary>
    public string? RefusalFor(Applicant applicant, PremiumBar premium, DateTime now)
    {
        if (!IsOpenAt(now)) return "This job is not active";
        if (applicant.UserId == OwnerId) return "You can't apply to your own job";
        // Someone the job is shared with works on the employer's side (and an edit share reviews): never on its tasks.
        if (Shares.ContainsKey(applicant.UserId)) return "You can't apply to a job shared with you";
        var invited = Gates.WorkerInvites.Contains(applicant.UserId);
        if (Gates.AllowedWorkers.Count > 0 && !Gates.AllowedWorkers.Contains(applicant.UserId) && !invited)
            return "This job is open to selected workers only";
        if (!Gates.TargetWorkers.Contains(Worldwide) && (applicant.Country is null || !Gates.TargetWorkers.Contains(applicant.Country.ToUpperInvariant())))
            return $"This job is not available in your country ({applicant.Country ?? "unknown"})";
        if (applicant.Rating.Percent < Gates.MinRating)
            return $"This job needs a worker rating of at least {Gates.MinRating}; yours is {applicant.Rating.Percent}";
        if (Gates.Premium && !invited && (applicant.Rating.Percent < premium.MinRating || applicant.Rating.Confirmed < premium.MinConfirmedTasks))
            return $"This premium job takes invited workers, or workers with a rating of at least {premium.MinRating} and at least {premium.MinConfirmedTasks} confirmed tasks";
        return null;
    }
}
