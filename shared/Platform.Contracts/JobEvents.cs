namespace Platform.Contracts.Jobs;

/// <summary>
/// An employer posted a job. It carries everything a service downstream needs to act on the job without calling Jobs:
/// who may take it (targeting and gates), what it pays, how many positions for how long, and the automation it runs
/// with that automation's three input schemas (null when the job has no automation or the automation has no such schema).
/// </summary>
public sealed record JobCreated : IntegrationEvent
{
    public required string JobId { get; init; }
    public required string OwnerId { get; init; }
    public string? OwnerCountry { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Categories { get; init; }
    /// <summary>"manual" or "devices_automation".</summary>
    public required string JobType { get; init; }
    /// <summary>"action" or "live".</summary>
    public required string PaymentType { get; init; }
    /// <summary>What one task pays the worker.</summary>
    public required decimal JobPrice { get; init; }
    public required int Positions { get; init; }
    public required int DurationDays { get; init; }
    /// <summary>New tasks per UTC day for the whole job; 0 means no limit.</summary>
    public required int DailyLimit { get; init; }
    /// <summary>ISO 3166 alpha-2 codes, or "worldwide".</summary>
    public required IReadOnlyList<string> TargetWorkers { get; init; }
    /// <summary>A worker may do it more than once.</summary>
    public required bool FewTimes { get; init; }
    public required bool Premium { get; init; }
    public required bool Featured { get; init; }
    /// <summary>Submitted proof is confirmed without the employer's review.</summary>
    public required bool AutoRate { get; init; }
    /// <summary>Proof is a file.</summary>
    public required bool IsProofFile { get; init; }
    /// <summary>The code a worker's proof must contain, when the employer set one.</summary>
    public string? Vcode { get; init; }
    /// <summary>The lowest worker rating (0–100) that may apply.</summary>
    public int MinRating { get; init; }
    /// <summary>When not empty, only these users may apply.</summary>
    public IReadOnlyList<string> AllowedWorkers { get; init; } = [];
    /// <summary>Users invited by email: they may apply, even to a premium job.</summary>
    public IReadOnlyList<string> WorkerInvites { get; init; } = [];
    /// <summary>Tasks one worker may do in total; 0 is one, unless <see cref="FewTimes"/>.</summary>
    public int TaskLimit { get; init; }
    /// <summary>The proof files a submission carries.</summary>
    public IReadOnlyList<JobProofFile> Files { get; init; } = [];
    /// <summary>"active" at creation.</summary>
    public required string Status { get; init; }
    public required DateTime Added { get; init; }
    /// <summary>When the duration ends (<see cref="Added"/> + <see cref="DurationDays"/> days).</summary>
    public required DateTime ExpiresAt { get; init; }
    public string? AutomationId { get; init; }
    public AutomationInputSchema? AutomationParametersSchema { get; init; }
    public AutomationInputSchema? JobVariablesSchema { get; init; }
    public AutomationInputSchema? BucketSchema { get; init; }
    /// <summary>The automation's parameters for this job: a JSON object as text (checked against <see cref="AutomationParametersSchema"/>), or null.</summary>
    public string? AutomationParameters { get; init; }
}

/// <summary>A proof file a submission carries: field name, whether it must be there, the media types it may have (image/* for any image).</summary>
public sealed record JobProofFile(string Name, bool Required, IReadOnlyList<string> Types);

/// <summary>The reference's IInputSchema: the fields an automation accepts.</summary>
public sealed record AutomationInputSchema(IReadOnlyList<AutomationInputField> Fields);

/// <summary>One field of an <see cref="AutomationInputSchema"/>: name, type (string, number, boolean, object, array), whether required, numeric bounds.</summary>
public sealed record AutomationInputField(string Name, string Type, bool Required, decimal? Min, decimal? Max);

/// <summary>A job's status moved: the owner's switch (active, inactive) or its end (completed, expired).</summary>
public sealed record JobStatusChanged(string JobId, string OwnerId, string PreviousStatus, string Status) : IntegrationEvent;

/// <summary>An owner shared a job (permission "view" or "edit"), or removed a share (permission null).</summary>
public sealed record JobShared(string JobId, string OwnerId, string UserId, string? Permission) : IntegrationEvent;

/// <summary>
/// Jobs gave up on posting a job after asking Payments to fund it (it could not tell whether the funding went through,
/// or it stopped before saving the job): the job never existed, and Payments gives back whatever it held for it.
/// </summary>
public sealed record JobFundingAbandoned(string JobId, string OwnerId) : IntegrationEvent;

/// <summary>
/// Jobs gave up on switching an inactive job back on after asking Payments to hold its unpaid positions again under
/// <paramref name="ReopenId"/> (Payments refused or did not answer, the job changed meanwhile, or Jobs stopped before
/// saving it): the job stays inactive, and Payments gives back what that reopening held, if it is still the last one.
/// </summary>
public sealed record JobReopenAbandoned(string JobId, string OwnerId, string ReopenId) : IntegrationEvent;
