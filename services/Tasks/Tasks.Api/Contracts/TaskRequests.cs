using Platform.Application.Files;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Platform.Api.Binding;
using Tasks.Application.PlannedTasks;
using Tasks.Application.Tasks;
using Tasks.Domain.PlannedTasks;
using Tasks.Domain.Tasks;

namespace Tasks.Api.Contracts;

/// <summary>Route 9's body.</summary>
public sealed record ApplyRequest
{
    [JsonPropertyName("job_id"), Required, Description("The job to apply to.")]
    public string? JobId { get; init; }
}

/// <summary>Route 11's body: manual mode (custom_vars, proof_files_base64) or automation data-dump mode (status, files).</summary>
public sealed record SubmitRequest
{
    [JsonPropertyName("job_id"), Required]
    public string? JobId { get; init; }

    [JsonPropertyName("job_proof"), Required, StringLength(JobTask.MaxProofLength), Description("Proof of the task done.")]
    public string? JobProof { get; init; }

    [JsonPropertyName("custom_vars"), Description("The job variables tasks/apply returned; required for jobs with variables.")]
    public JsonObject? CustomVars { get; init; }

    [JsonPropertyName("proof_files_base64"), MaxLength(20), Description("Files for the job's declared file fields, each at most 5 MB decoded.")]
    public IReadOnlyList<ProofFileRequest>? ProofFilesBase64 { get; init; }

    [JsonPropertyName("status"), OneOf("pending", "failed", "declined"), Description("Automation data-dump mode only: the record's status (default pending).")]
    public string? Status { get; init; }

    [JsonPropertyName("files"), MaxLength(DataDumps.MaxFiles),
     Description("Automation data-dump mode only: files whose URLs go into the JSON job_proof under their names, each at most 5 MB decoded.")]
    public IReadOnlyList<DataDumpFileRequest>? Files { get; init; }

    public IReadOnlyList<ProofFileUpload> ToUploads() =>
        (ProofFilesBase64 ?? []).Select(f => new ProofFileUpload(f.FieldName!, f.FileName, f.Base64!)).ToList();

    public IReadOnlyList<DataDumpFile> ToDumpFiles() => (Files ?? []).Select(f => new DataDumpFile(f.Name!, f.Extension, f.Base64Data!)).ToList();
}

/// <summary>A data dump's file (route 11, automation data-dump mode).</summary>
public sealed record DataDumpFileRequest
{
    [JsonPropertyName("name"), Required, StringLength(DataDumps.MaxNameLength), Description("The job_proof key the file's URL goes under (letters, digits, '_', '-', '.').")]
    public string? Name { get; init; }

    [JsonPropertyName("extension"), StringLength(11), Description("The file's extension, like .png.")]
    public string? Extension { get; init; }

    [JsonPropertyName("base64Data"), Required, MaxDecodedBytes(ProofFiles.MaxBytes), Description("The file's bytes in base64 (at most 5 MB decoded).")]
    public Base64File? Base64Data { get; init; }
}

public sealed record ProofFileRequest
{
    [JsonPropertyName("fieldName"), Required, StringLength(50), Description("The job's file field this file fills.")]
    public string? FieldName { get; init; }

    [JsonPropertyName("fileName"), StringLength(ProofFiles.MaxFileNameLength)]
    public string? FileName { get; init; }

    [JsonPropertyName("base64"), Required, MaxDecodedBytes(ProofFiles.MaxBytes),
     Description("The file's bytes in base64 (at most 5 MB decoded); its type is read from the bytes.")]
    public Base64File? Base64 { get; init; }
}

/// <summary>Route 10's query.</summary>
public sealed record ListTasksQuery : PageQuery
{
    [JsonPropertyName("task_id"), Description("One task's details instead of the list.")]
    public string? TaskId { get; init; }
}

/// <summary>Route 1's query.</summary>
public sealed record ApplicantsQuery : PageQuery
{
    [JsonPropertyName("task_id"), Description("Only this task: a job task id, or a planned task id resolved to its job task.")]
    public string? TaskId { get; init; }

    [JsonPropertyName("sortby"), OneOf("added", "updated", "status", "worker_name"), DefaultValue("added")]
    public string? SortBy { get; init; }

    [JsonPropertyName("order"), OneOf("asc", "desc"), DefaultValue("desc")]
    public string? Order { get; init; }

    [JsonPropertyName("hours_ago"), Range(1, 24 * 3650), Description("Only tasks added in the last this many hours.")]
    public int? HoursAgo { get; init; }

    [JsonPropertyName("status"), OneOf(typeof(TaskWire), nameof(TaskWire.Statuses))]
    public string? Status { get; init; }

    [JsonPropertyName("search"), StringLength(1000), Description("Words in the worker's name, the proof, the job's title, the comment or the worker's IP.")]
    public string? Search { get; init; }
}

/// <summary>Route 2's body.</summary>
public sealed record ReviewRequest
{
    [JsonPropertyName("JobTasks_Ids"), Required, MinLength(1), MaxLength(1000), Description("Job task ids or planned task ids (resolved to their job tasks).")]
    public IReadOnlyList<string>? JobTasksIds { get; init; }

    [JsonPropertyName("status"), Required, OneOf("confirmed", "declined", "notcomplete", "pending", ErrorMessage = "Invalid status: {1} is not one of {2}")]
    public string? Status { get; init; }

    [JsonPropertyName("job_id"), Required]
    public string? JobId { get; init; }

    [JsonPropertyName("comment"), StringLength(2000)]
    public string? Comment { get; init; }
}

/// <summary>Route 4's query.</summary>
public sealed record ProofUniqueQuery
{
    [JsonPropertyName("search"), Required, StringLength(1000), Description("The term to look for in the proofs of your jobs' tasks.")]
    public string? Search { get; init; }

    [JsonPropertyName("option"), OneOf("word", "charactor"), DefaultValue("word"), Description("word: whole words, case-insensitive; charactor: anywhere.")]
    public string? Option { get; init; }
}

/// <summary>Route 12's query.</summary>
public sealed record PlannedTasksQuery
{
    [JsonPropertyName("search"), StringLength(PlannedTask.MaxInputLength), Description("Case-insensitive text in the input.")]
    public string? Search { get; init; }

    [JsonPropertyName("page"), Range(1, int.MaxValue), Saturating, DefaultValue(1)]
    public int? Page { get; init; }

    [JsonPropertyName("limit"), Range(1, 100), DefaultValue(10), Description("1 to 100.")]
    public int? Limit { get; init; }

    [JsonPropertyName("sortOrder"), OneOf("asc", "desc"), DefaultValue("desc"), Description("By when the planned task was added.")]
    public string? SortOrder { get; init; }
}

/// <summary>Route 13's body.</summary>
public sealed record PlanTasksRequest
{
    [JsonPropertyName("inputs"), Required, MinLength(1), MaxLength(PlanTasksValidator.MaxInputs), Description("One input per planned task, 1 to 10,000 characters each.")]
    public IReadOnlyList<string>? Inputs { get; init; }

    [JsonPropertyName("remote_device_id"), Description("Pin the tasks to this device (UUID).")]
    public string? RemoteDeviceId { get; init; }

    [JsonPropertyName("device_name"), StringLength(100), Description("Pin the tasks to the device of this name (ignored with remote_device_id).")]
    public string? DeviceName { get; init; }

    [JsonPropertyName("run_immediately"), Description("Try to assign the tasks at once. Default false.")]
    public bool? RunImmediately { get; init; }
}

/// <summary>Route 15's body.</summary>
public sealed record DeletePlannedTasksRequest
{
    [JsonPropertyName("planned_task_ids"), Required, MinLength(1), MaxLength(DeletePlannedTasksValidator.MaxIds)]
    public IReadOnlyList<string>? PlannedTaskIds { get; init; }
}

/// <summary>Route 16's body: task_id or task_ids.</summary>
public sealed record ReinitiateRequest
{
    [JsonPropertyName("task_id")]
    public string? TaskId { get; init; }

    [JsonPropertyName("task_ids"), MaxLength(ReinitiateTasksValidator.MaxTasks)]
    public IReadOnlyList<string>? TaskIds { get; init; }

    public IReadOnlyList<string> AllIds() => [.. TaskIds ?? [], .. TaskId is null ? Array.Empty<string>() : [TaskId]];
}

/// <summary>Route 52's body: the outcome of the agent's running task.</summary>
public sealed record CompleteAssignmentRequest
{
    [JsonPropertyName("status"), Required, OneOf("pending", "failed")]
    [Description("pending: done, the proof goes to the employer's review; failed: the automation could not do it.")]
    public string? Status { get; init; }

    [JsonPropertyName("job_proof"), StringLength(JobTask.MaxProofLength), Description("The proof (for pending).")]
    public string? JobProof { get; init; }

    [JsonPropertyName("failureReason"), StringLength(1000), Description("Why it failed (for failed).")]
    public string? FailureReason { get; init; }
}
