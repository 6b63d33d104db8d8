using System.Globalization;
using System.Text.Json.Serialization;
using Jobs.Application.Jobs;
using Jobs.Domain.Automations;
using Jobs.Domain.Jobs;

namespace Jobs.Api.Contracts;

/// <summary>A job in the reference's spelling (including its legacy names: Target_Workers, totla_tasks_count).</summary>
public sealed record JobResponse
{
    [JsonPropertyName("_id")] public required string MongoId { get; init; }
    [JsonPropertyName("job_id")] public required string JobId { get; init; }
    [JsonPropertyName("job_type")] public required string JobType { get; init; }
    [JsonPropertyName("payment_type")] public required string PaymentType { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("category")] public required IReadOnlyList<string> Category { get; init; }
    [JsonPropertyName("description")] public required string Description { get; init; }
    [JsonPropertyName("proof")] public required string Proof { get; init; }
    [JsonPropertyName("is_proof_file")] public bool IsProofFile { get; init; }
    [JsonPropertyName("auto_rate")] public bool AutoRate { get; init; }
    [JsonPropertyName("Target_Workers")] public required IReadOnlyList<string> TargetWorkers { get; init; }
    [JsonPropertyName("few_times")] public bool FewTimes { get; init; }
    [JsonPropertyName("premium")] public bool Premium { get; init; }
    [JsonPropertyName("featured")] public bool Featured { get; init; }
    [JsonPropertyName("duration")] public required string Duration { get; init; }
    [JsonPropertyName("positions")] public required string Positions { get; init; }
    [JsonPropertyName("daily_limit")] public int DailyLimit { get; init; }
    [JsonPropertyName("job_price")] public decimal JobPrice { get; init; }
    /// <summary>What the employer was charged: positions × (job_price + the platform's fee).</summary>
    [JsonPropertyName("price")] public required string Price { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    /// <summary>The proof files a submission carries (name, required, media types).</summary>
    [JsonPropertyName("files")] public IReadOnlyList<ProofFileResponse> Files { get; init; } = [];
    [JsonPropertyName("min_rating")] public int MinRating { get; init; }
    [JsonPropertyName("task_limit")] public int TaskLimit { get; init; }
    /// <summary>When the job's duration ends (added + duration days).</summary>
    [JsonPropertyName("expires_at")] public DateTime ExpiresAt { get; init; }
    /// <summary>Who may apply (empty: anyone) and who was invited: shown to the owner only.</summary>
    [JsonPropertyName("allowed_workers")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? AllowedWorkers { get; init; }
    [JsonPropertyName("Worker_Invites")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? WorkerInvites { get; init; }
    [JsonPropertyName("added")] public DateTime Added { get; init; }
    [JsonPropertyName("user")] public required JobOwnerResponse User { get; init; }
    [JsonPropertyName("totla_tasks_count")] public int TotalTasksCount { get; init; }
    [JsonPropertyName("tasks_done_count")] public int TasksDoneCount { get; init; }
    [JsonPropertyName("tasks_confirmed_count")] public int TasksConfirmedCount { get; init; }
    [JsonPropertyName("tasks_running_count")] public int TasksRunningCount { get; init; }
    [JsonPropertyName("tasks_pending_count")] public int TasksPendingCount { get; init; }
    /// <summary>Who the job is shared with: shown to its owner only (absent for everyone else).</summary>
    [JsonPropertyName("shared_view")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? SharedView { get; init; }
    [JsonPropertyName("shared_edit")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? SharedEdit { get; init; }
    [JsonPropertyName("automation_id")] public string? AutomationId { get; init; }
    [JsonPropertyName("automationParameters")] public System.Text.Json.Nodes.JsonObject? AutomationParameters { get; init; }
    [JsonPropertyName("automation_parameters_schema")] public InputSchemaResponse? AutomationParametersSchema { get; init; }
    [JsonPropertyName("job_variables_schema")] public InputSchemaResponse? JobVariablesSchema { get; init; }
    [JsonPropertyName("bucket_schema")] public InputSchemaResponse? BucketSchema { get; init; }

    /// <summary>The job as <paramref name="callerId"/> may see it: the shares only when they own it.</summary>
    public static JobResponse From(Job job, string callerId, Automation? automation = null)
    {
        var t = job.Terms;
        var showShares = job.IsOwnedBy(callerId);
        return new JobResponse
        {
            MongoId = job.Id,
            JobId = job.Id,
            JobType = t.JobType,
            PaymentType = t.PaymentType,
            Title = t.Title,
            Category = t.Categories,
            Description = t.Description,
            Proof = t.Proof,
            IsProofFile = t.IsProofFile,
            AutoRate = t.AutoRate,
            TargetWorkers = t.TargetWorkers,
            FewTimes = t.FewTimes,
            Premium = t.Premium,
            Featured = t.Featured,
            Duration = t.DurationDays.ToString(CultureInfo.InvariantCulture),
            Positions = t.Positions.ToString(CultureInfo.InvariantCulture),
            DailyLimit = t.DailyLimit,
            JobPrice = t.JobPrice,
            Price = job.TotalPrice.ToString("0.00##", CultureInfo.InvariantCulture),
            Status = job.Status.ToWire(),
            Added = job.Added,
            ExpiresAt = job.ExpiresAt,
            MinRating = t.Gates.MinRating,
            TaskLimit = t.Gates.TaskLimit,
            Files = t.Gates.Files.Select(f => new ProofFileResponse(f.Name, f.Required, f.Types)).ToList(),
            AllowedWorkers = showShares ? t.Gates.AllowedWorkers : null,
            WorkerInvites = showShares ? t.Gates.WorkerInvites : null,
            User = new JobOwnerResponse(job.Owner.UserId, job.Owner.Name, job.Owner.Country),
            TotalTasksCount = job.Counters.Shown.TotalTasks,
            TasksDoneCount = job.Counters.Shown.TasksDone,
            TasksConfirmedCount = job.Counters.Shown.TasksConfirmed,
            TasksRunningCount = job.Counters.Shown.TasksRunning,
            TasksPendingCount = job.Counters.Shown.TasksPending,
            SharedView = showShares ? job.Shares.Where(s => s.Permission == SharePermission.View).Select(s => s.UserId).ToList() : null,
            SharedEdit = showShares ? job.Shares.Where(s => s.Permission == SharePermission.Edit).Select(s => s.UserId).ToList() : null,
            AutomationId = t.AutomationId,
            AutomationParameters = t.AutomationParameters is null ? null : System.Text.Json.Nodes.JsonNode.Parse(t.AutomationParameters)?.AsObject(),
            AutomationParametersSchema = InputSchemaResponse.From(automation?.ParametersSchema),
            JobVariablesSchema = InputSchemaResponse.From(automation?.JobVariablesSchema),
            BucketSchema = InputSchemaResponse.From(automation?.BucketSchema),
        };
    }

    public static JobResponse From(JobDetails details, string callerId) => From(details.Job, callerId, details.Automation);
}

public sealed record ProofFileResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("required")] bool Required,
    [property: JsonPropertyName("types")] IReadOnlyList<string> Types);

public sealed record JobOwnerResponse(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("country")] string? Country);

public sealed record InputSchemaResponse([property: JsonPropertyName("fields")] IReadOnlyList<FieldSchemaResponse> Fields)
{
    public static InputSchemaResponse? From(InputSchema? schema) =>
        schema is null ? null : new(schema.Fields.Select(f => new FieldSchemaResponse(f.Name, f.Type, f.Required, f.Min, f.Max)).ToList());
}

public sealed record FieldSchemaResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("required")] bool Required,
    [property: JsonPropertyName("min")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Min,
    [property: JsonPropertyName("max")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Max);

/// <summary>A page of jobs with the total across all pages.</summary>
public sealed record JobListResponse(
    [property: JsonPropertyName("jobs")] IReadOnlyList<JobResponse> Jobs,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("limit")] int Limit);

public sealed record JobCreatedResponse(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("job_id")] string JobId);

public sealed record AutomationCreatedResponse([property: JsonPropertyName("automation_id")] string AutomationId);
