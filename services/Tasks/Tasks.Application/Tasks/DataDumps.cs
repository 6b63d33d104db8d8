using Platform.Application.Files;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Results;
using Tasks.Application.Assignment;
using Tasks.Application.Ports;
using Tasks.Domain.Jobs;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Tasks;

/// <summary>A file an agent attaches to a data dump: the proof key it goes under, its extension, and its bytes (sent in base64).</summary>
public sealed record DataDumpFile(string Name, string? Extension, Base64File Content);

/// <summary>
/// Route 11's automation data-dump mode: an agent running a task of one job writes a record into a sink job (a
/// devices_automation job with the same automation and no planned tasks). Only a running agent may (its task-scoped
/// token names the device and the task), and only when the running job's employer owns the sink or has it shared. The
/// proof is JSON; each file is stored and its URL put into the proof under the file's name. The record is a task of
/// the device's operator (its owner, or its renter while rented) on that device, in the status the agent gives; it
/// takes no position and goes through none of manual mode's gates, and no email is sent.
/// </summary>
public sealed partial class DataDumps(IJobReplica jobs, IJobTaskRepository tasks, IDeviceReplica devices, IWorkerDirectory workers, ProofFiles proofFiles,
    AssignmentOptions assignment, TimeProvider clock)
{
    public const int MaxFiles = 10;
    public const int MaxNameLength = 100;
    public const string NotRunningAgent =
        "This job takes automation data dumps: the caller must be a running agent (a token carrying remote_device_id and job_task_id)";
    public const string NoRunningTask = "The agent has no running task: data dumps are written while a task runs on the device";
    public const string RunningJobNotFound = "The running task's job was not found";
    public const string DeviceNotFound = "Device not found";
    public const string OtherAutomation = "The running job and this job do not share the same automation_id";
    public const string NoAccess = "The running job's owner has no access to this job (owner, shared_view or shared_edit)";
    public const string ProofNotJson = "In automation data-dump mode job_proof must be valid JSON";
    public const string ProofNotObject = "job_proof must be a JSON object for files to be embedded in it under their names";
    public const string ManualFieldsGiven = "custom_vars and proof_files_base64 are for manual mode only; a data dump sends files";

    public async Task<Result<JobTask>> SubmitAsync(SubmitTask command, Job sink, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        if (caller.RemoteDeviceId is not { } deviceId || caller.JobTaskId is not { } runningTaskId) return Error.Forbidden(NotRunningAgent);
        var running = await tasks.GetAsync(runningTaskId, cancellationToken);
        if (running is not { Status: JobTaskStatus.Running } || running.RemoteDeviceId != deviceId) return Error.Forbidden(NoRunningTask);
        var runningJob = await jobs.GetAsync(running.JobId, cancellationToken);
        if (runningJob is null) return Error.NotFound(RunningJobNotFound);
        if (runningJob.AutomationId != sink.AutomationId) return Error.Forbidden(OtherAutomation);
        if (!sink.CanView(runningJob.OwnerId)) return Error.Forbidden(NoAccess);
        var device = await devices.GetAsync(deviceId, cancellationToken);
        if (device is null) return Error.NotFound(DeviceNotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!sink.IsOpenAt(now)) return Error.Forbidden("This job is not active");

        if (command.CustomVars is not null || command.Files.Count > 0) return Error.Validation(ManualFieldsGiven);
        var read = Read(command.Proof, command.DumpFiles);
        if (!read.IsSuccess) return read.Error!;
        var (proof, files) = read.Value;

        var taskId = ObjectIds.New();
        var storing = await proofFiles.StoreAsync(caller.UserId, files, cancellationToken);
        if (!storing.IsSuccess) return storing.Error!;
        var stored = storing.Value;
        try
        {
            // The agent's text as sent; with files, the record written again with their URLs in it (non-ASCII kept as is).
            var text = command.Proof;
            if (stored.Count > 0 && proof is JsonObject fields)
            {
                foreach (var file in stored) fields[file.Field] = ProofFileUrl(taskId, file.Field);
                text = fields.ToJsonString(Relaxed);
            }
            if (text.Length > JobTask.MaxProofLength)
            {
                await proofFiles.DeleteAsync(stored);
                return Error.Validation($"job_proof, with the files' URLs in it, must be at most {JobTask.MaxProofLength} characters");
            }
            // The record is the device's operator's (its owner's, or its renter's while rented), as its running task is.
            var operatorUser = await workers.GetAsync(device.OperatorId, cancellationToken);
            var worker = new TaskWorker(device.OperatorId, operatorUser.Name, operatorUser.Country, command.Ip);
            var task = JobTask.DumpData(taskId, sink.ForTask, worker, device.Id, device.OwnerShareOf(sink, assignment.DeviceOwnerSharePercent),
                command.DumpStatus ?? JobTaskStatus.Pending, text, stored, now);
            await tasks.AddAsync(task, cancellationToken);
            return task;
        }
        catch
        {
            await proofFiles.DeleteAsync(stored);
            throw;
        }
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Where a task's proof file is downloaded (route: GET /api/v1/tasks/{task_id}/files/{field}), as the dump's proof names it.</summary>
    public static string ProofFileUrl(string taskId, string field) => $"/api/v1/tasks/{taskId}/files/{Uri.EscapeDataString(field)}";

    /// <summary>The proof parsed as JSON, and the files decoded: each named once, with an extension like ".png", at most 5 MB.</summary>
    private static Result<(JsonNode Proof, IReadOnlyList<DecodedProofFile> Files)> Read(string proofText, IReadOnlyList<DataDumpFile> uploads)
    {
        JsonNode? proof;
        try
        {
            proof = JsonNode.Parse(proofText);
        }
        catch (JsonException)
        {
            return Error.Validation(ProofNotJson);
        }
        if (proof is null) return Error.Validation(ProofNotJson);
        if (uploads.Count > MaxFiles) return Error.Validation($"files: at most {MaxFiles} files");
        if (uploads.Count > 0 && proof is not JsonObject) return Error.Validation(ProofNotObject);

        var problems = new List<string>();
        var decoded = new List<DecodedProofFile>();
        foreach (var upload in uploads)
        {
            var name = upload.Name;
            if (!Name().IsMatch(name))
            {
                problems.Add($"files: '{name}' is not a file name: 1 to {MaxNameLength} letters, digits, '_', '-' or '.'");
                continue;
            }
            if (decoded.Any(d => d.Field.Name == name))
            {
                problems.Add($"files: '{name}' is given more than once");
                continue;
            }
            var extension = upload.Extension ?? string.Empty;
            if (extension.Length > 0 && !Extension().IsMatch(extension))
            {
                problems.Add($"files: '{name}' has the extension '{extension}'; an extension is a dot and 1 to 10 letters or digits, like .png");
                continue;
            }
            if (ProofFiles.Decode(upload.Content, $"files: '{name}'", out var content) is { } undecodable)
            {
                problems.Add(undecodable);
                continue;
            }
            var fileName = name + (extension.Length == 0 || extension.StartsWith('.') ? extension : "." + extension);
            decoded.Add(new DecodedProofFile(new ProofFileField(name, false, []), fileName, MediaSniffer.Sniff(content), content));
        }
        return problems.Count > 0 ? Error.Validation(problems) : (proof, decoded);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,100}$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^\.?[A-Za-z0-9]{1,10}$")]
    private static partial Regex Extension();
}
