using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Tasks.Application.Tasks;
using Tasks.Domain.Jobs;
using Tasks.Domain.PlannedTasks;
using Tasks.Domain.Tasks;

namespace Tasks.Api.Contracts;

/// <summary>A job task in the reference's shape (route 10), with its proof files and where to download them.</summary>
public sealed record TaskResponse
{
    [JsonPropertyName("_id")] public required string MongoId { get; init; }
    [JsonPropertyName("job_task_id")] public required string JobTaskId { get; init; }
    [JsonPropertyName("worker_id")] public required string WorkerId { get; init; }
    [JsonPropertyName("worker_name")] public string? WorkerName { get; init; }
    [JsonPropertyName("job_id")] public required string JobId { get; init; }
    [JsonPropertyName("job_title")] public required string JobTitle { get; init; }
    [JsonPropertyName("job_price")] public decimal JobPrice { get; init; }
    [JsonPropertyName("job_proof")] public required string JobProof { get; init; }
    [JsonPropertyName("comment")] public required string Comment { get; init; }
    [JsonPropertyName("country_code")] public string? CountryCode { get; init; }
    [JsonPropertyName("worker_ip")] public string? WorkerIp { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("failureReason")] public string? FailureReason { get; init; }
    /// <summary>True once the employer reviewed the task (confirmed, declined or sent back), null before.</summary>
    [JsonPropertyName("reviewed")] public bool? Reviewed { get; init; }
    [JsonPropertyName("device_owner_share")] public decimal? DeviceOwnerShare { get; init; }
    /// <summary>The device that runs the task; null when a person does it.</summary>
    [JsonPropertyName("remote_device_id")] public string? RemoteDeviceId { get; init; }
    [JsonPropertyName("planned_task_id")] public string? PlannedTaskId { get; init; }
    [JsonPropertyName("added")] public DateTime Added { get; init; }
    [JsonPropertyName("updated")] public DateTime Updated { get; init; }
    [JsonPropertyName("proof_files_info")] public required IReadOnlyList<ProofFileInfoResponse> ProofFilesInfo { get; init; }

    public static TaskResponse From(JobTask t) => new()
    {
        MongoId = t.Id,
        JobTaskId = t.Id,
        WorkerId = t.WorkerId,
        WorkerName = t.Worker.Name,
        JobId = t.JobId,
        JobTitle = t.Job.Title,
        JobPrice = t.Pay,
        JobProof = t.Proof ?? string.Empty,
        Comment = t.Comment ?? string.Empty,
        CountryCode = t.Worker.Country,
        WorkerIp = t.Worker.Ip,
        Status = t.Status.ToWord(),
        FailureReason = t.FailureReason,
        DeviceOwnerShare = t.DeviceOwnerShare,
        Reviewed = t.Status is JobTaskStatus.Confirmed or JobTaskStatus.Declined or JobTaskStatus.NotComplete ? true : null,
        RemoteDeviceId = t.RemoteDeviceId,
        PlannedTaskId = t.PlannedTaskId,
        Added = t.Added,
        Updated = t.Updated,
        ProofFilesInfo = t.ProofFiles.Select(f => new ProofFileInfoResponse(f.Field, f.FileName, f.MediaType, f.Size,
            $"/api/v1/tasks/{t.Id}/files/{Uri.EscapeDataString(f.Field)}")).ToList(),
    };
}

/// <summary>A proof file: its field, the name it came with, its sniffed type, size, and a download path (the worker, the job's owner and shares only).</summary>
public sealed record ProofFileInfoResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("file_name")] string FileName,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("url")] string Url);

public sealed record TaskListResponse(
    [property: JsonPropertyName("tasks")] IReadOnlyList<TaskResponse> Tasks,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("limit")] int Limit);

public sealed record SubmittedResponse(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("job_task_id")] string JobTaskId,
    [property: JsonPropertyName("job_id")] string JobId);

/// <summary>The job as Tasks knows it, in the reference's spelling, for the applicants and planned-task lists.</summary>
public sealed record TaskJobResponse(
    [property: JsonPropertyName("_id")] string MongoId,
    [property: JsonPropertyName("job_id")] string JobId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("job_type")] string JobType,
    [property: JsonPropertyName("job_price")] decimal JobPrice,
    [property: JsonPropertyName("positions")] int Positions,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("added")] DateTime Added,
    [property: JsonPropertyName("expires_at")] DateTime ExpiresAt)
{
    public static TaskJobResponse From(Job j) =>
        new(j.Id, j.Id, j.Title, j.JobType, j.JobPrice, j.Positions, j.Status.ToString().ToLowerInvariant(), j.Added, j.ExpiresAt);
}

/// <summary>Route 1's answer.</summary>
public sealed record ApplicantsResponse(
    [property: JsonPropertyName("job")] TaskJobResponse Job,
    [property: JsonPropertyName("planned_task")] PlannedTaskResponse? PlannedTask,
    [property: JsonPropertyName("job_tasks")] IReadOnlyList<TaskResponse> JobTasks,
    [property: JsonPropertyName("total_tasks")] long TotalTasks,
    [property: JsonPropertyName("job_done_count")] long JobDoneCount,
    [property: JsonPropertyName("pending_tasks")] long PendingTasks,
    [property: JsonPropertyName("satisfied_tasks")] long SatisfiedTasks,
    [property: JsonPropertyName("declined_tasks")] long DeclinedTasks,
    [property: JsonPropertyName("failed_tasks")] long FailedTasks,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("limit")] int Limit)
{
    /// <summary>total_tasks counts the tasks the filters matched (every page); the other counts are the job's, whatever the filters.</summary>
    public static ApplicantsResponse From(Applicants a) => new(
        TaskJobResponse.From(a.Job),
        a.PlannedTask is null ? null : PlannedTaskResponse.From(a.PlannedTask),
        a.Tasks.Items.Select(TaskResponse.From).ToList(),
        a.Tasks.Total,
        a.Count(JobTaskStatus.Confirmed),
        a.Count(JobTaskStatus.Pending, JobTaskStatus.Processing),
        a.Count(JobTaskStatus.Confirmed),
        a.Count(JobTaskStatus.Declined),
        a.Count(JobTaskStatus.Failed),
        a.Tasks.Page,
        a.Tasks.Limit);
}

public sealed record PlannedTaskResponse(
    [property: JsonPropertyName("planned_task_id")] string PlannedTaskId,
    [property: JsonPropertyName("job_id")] string JobId,
    [property: JsonPropertyName("input")] string Input,
    [property: JsonPropertyName("job_task_id")] string? JobTaskId,
    [property: JsonPropertyName("remote_device_id")] string? RemoteDeviceId,
    [property: JsonPropertyName("device_name")] string? DeviceName,
    [property: JsonPropertyName("added")] DateTime Added)
{
    public static PlannedTaskResponse From(PlannedTask p) => new(p.Id, p.JobId, p.Input, p.JobTaskId, p.RemoteDeviceId, p.DeviceName, p.Added);
}

/// <summary>Route 12's answer: {"success": true, "data": {"job", "plannedTasks", "total"}}.</summary>
public sealed record PlannedTaskListResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("data")] PlannedTaskListData Data);

public sealed record PlannedTaskListData(
    [property: JsonPropertyName("job")] TaskJobResponse Job,
    [property: JsonPropertyName("plannedTasks")] IReadOnlyList<PlannedTaskResponse> PlannedTasks,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("limit")] int Limit);

/// <summary>Route 13's answer.</summary>
public sealed record PlannedTasksCreatedResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("inserted_ids")] IReadOnlyList<InsertedPlannedTask> InsertedIds,
    [property: JsonPropertyName("assignment_results")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<AssignmentResult>? AssignmentResults);

public sealed record InsertedPlannedTask(
    [property: JsonPropertyName("planned_task_id")] string PlannedTaskId,
    [property: JsonPropertyName("input")] string Input);

/// <summary>Whether a planned task was assigned to a device at once (device assignment comes with the Devices service; until then false).</summary>
public sealed record AssignmentResult(
    [property: JsonPropertyName("planned_task_id")] string PlannedTaskId,
    [property: JsonPropertyName("assigned")] bool Assigned);

public sealed record SuccessResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null);

/// <summary>Route 9's answer is the job variables object itself ({"_id": planned_task_id, ...}, {} without planned tasks) plus job_task_id.</summary>
public static class AppliedResponse
{
    public static JsonObject From(AppliedTask applied)
    {
        var body = applied.PlannedTask is { } planned ? JobVariables.Of(planned) : new JsonObject();
        body["job_task_id"] = applied.Task.Id;
        return body;
    }
}

/// <summary>Route 51's answer: the device's running task, what the automation needs to run it, and the token to complete it with.</summary>
public sealed record AssignmentResponse
{
    [JsonPropertyName("job_task_id")] public required string JobTaskId { get; init; }
    [JsonPropertyName("job_id")] public required string JobId { get; init; }
    [JsonPropertyName("planned_task_id")] public required string PlannedTaskId { get; init; }
    [JsonPropertyName("input")] public required string Input { get; init; }
    [JsonPropertyName("automation_id")] public string? AutomationId { get; init; }
    [JsonPropertyName("job_variables")] public required System.Text.Json.Nodes.JsonObject JobVariables { get; init; }
    [JsonPropertyName("automationParameters")] public System.Text.Json.Nodes.JsonObject? AutomationParameters { get; init; }
    [JsonPropertyName("task_token")] public required TaskTokenResponse TaskToken { get; init; }

    public static AssignmentResponse From(Tasks.Application.Agents.Assignment a) => new()
    {
        JobTaskId = a.Task.Id,
        JobId = a.Job.Id,
        PlannedTaskId = a.Planned.Id,
        Input = a.Planned.Input,
        AutomationId = a.Job.AutomationId,
        JobVariables = Tasks.Application.Tasks.JobVariables.Of(a.Planned),
        AutomationParameters = a.Job.AutomationParameters is { } parameters ? System.Text.Json.Nodes.JsonNode.Parse(parameters)?.AsObject() : null,
        TaskToken = new TaskTokenResponse(a.Token.AccessToken, "Bearer", a.Token.ExpiresInSeconds),
    };
}

/// <summary>The task-scoped agent token (carries job_task_id and remote_device_id; good only while the task runs on the device).</summary>
public sealed record TaskTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>Route 52's answer.</summary>
public sealed record CompleteAssignmentResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("job_task_id")] string JobTaskId,
    [property: JsonPropertyName("status")] string Status);
