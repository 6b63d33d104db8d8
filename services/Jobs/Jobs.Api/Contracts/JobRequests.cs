using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Jobs.Application.Jobs;
using Jobs.Domain.Automations;
using Jobs.Domain.Jobs;
using Platform.Api.Binding;
using Platform.Application.Countries;

namespace Jobs.Api.Contracts;

/// <summary>The create-job body (route 7), in the reference's spelling: read and documented from these attributes.</summary>
public sealed record CreateJobRequest
{
    [JsonPropertyName("title"), Required, StringLength(JobRules.MaxTitleLength)]
    public string? Title { get; init; }

    [JsonPropertyName("category"), Required, SingleOrList, MinLength(1), OneOf(typeof(JobRules), nameof(JobRules.Categories), ErrorMessage = "{0} '{1}' is not one of: {2}")]
    [Description("The job's category (one of the listed); an array of several is accepted too.")]
    public IReadOnlyList<string>? Category { get; init; }

    [JsonPropertyName("description"), Required, StringLength(JobRules.MaxTextLength)]
    public string? Description { get; init; }

    [JsonPropertyName("proof"), Required, StringLength(JobRules.MaxTextLength), Description("What the worker must submit as proof.")]
    public string? Proof { get; init; }

    [JsonPropertyName("is_proof_file"), Description("The proof is a file. Default false.")]
    public bool? IsProofFile { get; init; }

    [JsonPropertyName("auto_rate"), Description("Submitted proof is confirmed without review. Default false.")]
    public bool? AutoRate { get; init; }

    [JsonPropertyName("vcode"), StringLength(100), Description("A code the proof must contain.")]
    public string? Vcode { get; init; }

    [JsonPropertyName("Target_Workers"), MinLength(1)]
    [OneOf(typeof(CountryCodes), nameof(CountryCodes.All), Also = [JobRules.Worldwide], ErrorMessage = "{0}: '{1}' is neither an ISO 3166 alpha-2 country code nor 'worldwide'")]
    [Description("Countries whose workers may take the job (ISO 3166 alpha-2), or \"worldwide\" (the default).")]
    public IReadOnlyList<string>? TargetWorkers { get; init; }

    [JsonPropertyName("few_times"), Description("A worker may do the job more than once. Default false.")]
    public bool? FewTimes { get; init; }

    [JsonPropertyName("premium")]
    public bool? Premium { get; init; }

    [JsonPropertyName("featured")]
    public bool? Featured { get; init; }

    [JsonPropertyName("duration"), Required, Range(JobRules.MinDurationDays, JobRules.MaxDurationDays, ErrorMessage = "{0} must be from {1} to {2} days")]
    [Description("Days the job runs from its posting.")]
    public int? Duration { get; init; }

    [JsonPropertyName("positions"), Required, Range(JobRules.MinPositions, JobRules.MaxPositions), Description("How many tasks the job pays for.")]
    public int? Positions { get; init; }

    [JsonPropertyName("daily_limit"), Range(0, int.MaxValue, ErrorMessage = "{0} must be 0 or more"), Description("New tasks per UTC day; 0 (the default) is no limit.")]
    public int? DailyLimit { get; init; }

    [JsonPropertyName("job_price"), Required, Range(0d, JobRules.MaxJobPriceWhole, MinimumIsExclusive = true), MaxDecimals(JobRules.MaxPriceDecimals)]
    [Description("What one task pays.")]
    public decimal? JobPrice { get; init; }

    [JsonPropertyName("job_type"), OneOf(typeof(JobRules), nameof(JobRules.JobTypes))]
    [Description("manual (the default), or devices_automation (then automation_id is required).")]
    public string? JobType { get; init; }

    [JsonPropertyName("payment_type"), OneOf(typeof(JobRules), nameof(JobRules.PaymentTypes)), Description("action (the default) or live.")]
    public string? PaymentType { get; init; }

    [JsonPropertyName("automation_id"), Description("The automation (UUID) a devices_automation job runs.")]
    public string? AutomationId { get; init; }

    [JsonPropertyName("automationParameters")]
    [Description("The automation's parameters for this job (an object), checked against its automation_parameters_schema: the declared fields only, each of its type and within its bounds.")]
    public System.Text.Json.Nodes.JsonObject? AutomationParameters { get; init; }

    [JsonPropertyName("min_rating"), Range(0, JobRules.MaxRating), Description("The lowest rating (0–100: the share of a worker's reviewed tasks that were confirmed) a worker needs. Default 0.")]
    public int? MinRating { get; init; }

    [JsonPropertyName("allowed_workers"), MaxLength(JobRules.MaxListedWorkers), Description("User ids: when not empty, only they may apply.")]
    public IReadOnlyList<string>? AllowedWorkers { get; init; }

    [JsonPropertyName("Worker_Invites"), MaxLength(JobRules.MaxListedWorkers), Description("User ids invited by email: they may apply, even to a premium job.")]
    public IReadOnlyList<string>? WorkerInvites { get; init; }

    [JsonPropertyName("task_limit"), Range(0, int.MaxValue, ErrorMessage = "{0} must be 0 or more"), Description("Tasks one worker may do in total; 0 (the default) is one, unless few_times.")]
    public int? TaskLimit { get; init; }

    [JsonPropertyName("files"), MaxLength(JobRules.MaxProofFiles), Description("The proof files a submission carries.")]
    public IReadOnlyList<ProofFileRequest>? Files { get; init; }

    /// <summary>The terms the use case takes, with the documented defaults.</summary>
    public JobTerms ToTerms() => new(
        Title!, Category!, Description!, Proof!, IsProofFile ?? false, AutoRate ?? false, Vcode,
        TargetWorkers ?? [JobRules.Worldwide], FewTimes ?? false, Premium ?? false, Featured ?? false,
        Duration!.Value, Positions!.Value, DailyLimit ?? 0, JobPrice!.Value,
        JobType ?? (string.IsNullOrEmpty(AutomationId) ? JobRules.Manual : JobRules.DevicesAutomation), PaymentType ?? "action", AutomationId)
    {
        Gates = new JobGates(MinRating ?? 0, AllowedWorkers ?? [], WorkerInvites ?? [], TaskLimit ?? 0,
            (Files ?? []).Select(f => new ProofFileField(f.Name!, f.Required ?? false, f.Types!)).ToList()),
        AutomationParameters = AutomationParameters?.ToJsonString(),
    };
}

/// <summary>A predeclared proof-file field: {"name": "screenshot", "required": true, "types": ["image/png", "image/jpeg"]}.</summary>
public sealed record ProofFileRequest
{
    [JsonPropertyName("name"), Required, StringLength(JobRules.MaxProofFileNameLength)]
    public string? Name { get; init; }

    [JsonPropertyName("required"), Description("Default false.")]
    public bool? Required { get; init; }

    [JsonPropertyName("types"), Required, MinLength(1), MaxLength(20), Description("Media types the file may have, e.g. image/png (image/* for any image).")]
    public IReadOnlyList<string>? Types { get; init; }
}

/// <summary>Route 8's body.</summary>
public sealed record ChangeJobStatusRequest
{
    [JsonPropertyName("status"), Required, OneOf("active", "inactive"), Description("active or inactive; an ended (completed, expired) job keeps its status.")]
    public string? Status { get; init; }
}

/// <summary>A share's body: view or edit (the reference's shared_view / shared_edit spellings are accepted too).</summary>
public sealed record ShareJobRequest
{
    [JsonPropertyName("permission"), Required, OneOf("view", "edit", "shared_view", "shared_edit")]
    public string? Permission { get; init; }

    public SharePermission ToPermission() => Permission is "edit" or "shared_edit" ? SharePermission.Edit : SharePermission.View;
}

/// <summary>An automation and its three input schemas (each optional).</summary>
public sealed record RegisterAutomationRequest
{
    [JsonPropertyName("name"), Required, StringLength(200)]
    public string? Name { get; init; }

    [JsonPropertyName("automation_parameters_schema")]
    public InputSchemaRequest? AutomationParametersSchema { get; init; }

    [JsonPropertyName("job_variables_schema")]
    public InputSchemaRequest? JobVariablesSchema { get; init; }

    [JsonPropertyName("bucket_schema")]
    public InputSchemaRequest? BucketSchema { get; init; }
}

/// <summary>The reference's IInputSchema: { fields: IFieldSchema[] }.</summary>
public sealed record InputSchemaRequest
{
    [JsonPropertyName("fields"), Required, MaxLength(InputSchema.MaxFields)]
    public IReadOnlyList<FieldSchemaRequest>? Fields { get; init; }

    public InputSchema ToSchema() => new(Fields!.Select(f => new FieldSchema(f.Name!, f.Type!, f.Required ?? false, f.Min, f.Max)).ToList());
}

public sealed record FieldSchemaRequest
{
    [JsonPropertyName("name"), Required, StringLength(100)]
    public string? Name { get; init; }

    [JsonPropertyName("type"), Required, OneOf(typeof(InputSchema), nameof(InputSchema.FieldTypes))]
    public string? Type { get; init; }

    [JsonPropertyName("required")]
    public bool? Required { get; init; }

    [JsonPropertyName("min")]
    public decimal? Min { get; init; }

    [JsonPropertyName("max")]
    public decimal? Max { get; init; }
}

/// <summary>A page of jobs in an order: both job lists sort the same way.</summary>
public record SortedJobsQuery : PageQuery
{
    [JsonPropertyName("SortBY"), OneOf("added", "job_price", "title"), DefaultValue("added")]
    public string? SortBy { get; init; }

    [JsonPropertyName("orientation"), OneOf("asc", "desc"), DefaultValue("desc")]
    public string? Orientation { get; init; }
}

/// <summary>Route 6's query: find active jobs.</summary>
public sealed record ListJobsQuery : SortedJobsQuery
{
    [JsonPropertyName("searchTerm"), Description("Words in the title or description (case-insensitive).")]
    public string? SearchTerm { get; init; }

    [JsonPropertyName("job_category"), OneOf(typeof(JobRules), nameof(JobRules.Categories))]
    public string? JobCategory { get; init; }

    [JsonPropertyName("min_price"), Description("Lowest job_price.")]
    public decimal? MinPrice { get; init; }

    [JsonPropertyName("location"), OneOf(typeof(CountryCodes), nameof(CountryCodes.All), Also = [JobRules.Worldwide])]
    [Description("Jobs open to workers of this country (ISO 3166 alpha-2): those targeting it and the worldwide ones.")]
    public string? Location { get; init; }

    [JsonPropertyName("Featured")]
    public bool? Featured { get; init; }

    [JsonPropertyName("Premium")]
    public bool? Premium { get; init; }
}

/// <summary>Route 5's query: the caller's jobs.</summary>
public sealed record ListMyJobsQuery : SortedJobsQuery
{
    [JsonPropertyName("status"), OneOf(typeof(JobWireNames), nameof(JobWireNames.Statuses))]
    public string? Status { get; init; }

    [JsonPropertyName("Query"), Description("Words in the title or description (case-insensitive).")]
    public string? Query { get; init; }

    [JsonPropertyName("job_id"), Description("Only this job.")]
    public string? JobId { get; init; }
}
