using Platform.Application.Files;
using System.Text.Json.Nodes;
using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Tasks.Application.Notifications;
using Tasks.Application.Ports;
using Tasks.Domain.Jobs;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Tasks;

/// <summary>A proof file as the worker sends it: the job's field it fills, its name, and its bytes in base64.</summary>
public sealed record ProofFileUpload(string FieldName, string? FileName, Base64File Content);

/// <summary>
/// A worker hands in proof for a job (route 11, manual mode) from <paramref name="Ip"/>: the running (or sent-back)
/// task they applied for, or, for a job without planned tasks, a new one taken through the same gates. A job with
/// planned tasks needs the job variables the apply gave (<paramref name="CustomVars"/>); files fill the job's declared
/// file fields, checked by their sniffed type. With auto_rate and a vcode, proof containing the code is confirmed at once.
/// A job that takes automation data dumps is written to by running agents instead (see <see cref="DataDumps"/>), with
/// <paramref name="DumpStatus"/> and <paramref name="DumpFiles"/>.
/// </summary>
public sealed record SubmitTask(Caller Caller, string JobId, string Proof, JsonObject? CustomVars, IReadOnlyList<ProofFileUpload> Files, string? Ip,
    JobTaskStatus? DumpStatus, IReadOnlyList<DataDumpFile> DumpFiles) : ICommand<Result<JobTask>>;

public sealed class SubmitTaskValidator : AbstractValidator<SubmitTask>
{
    public SubmitTaskValidator()
    {
        RuleFor(x => x.JobId).MustBeAJobId();
        RuleFor(x => x.Proof).MaximumLength(JobTask.MaxProofLength).WithMessage($"job_proof must be at most {JobTask.MaxProofLength} characters");
        RuleFor(x => x.DumpStatus).Must(s => s is null or JobTaskStatus.Pending or JobTaskStatus.Failed or JobTaskStatus.Declined)
            .WithMessage("status must be pending, failed or declined");
    }
}

public sealed class SubmitTaskHandler(IJobReplica jobs, IJobTaskRepository tasks, IPlannedTaskRepository plannedTasks, Applying applying,
    ProofFiles proofFiles, DataDumps dataDumps, TaskOutcomes outcomes, TaskEmails emails, TimeProvider clock) : ICommandHandler<SubmitTask, Result<JobTask>>
{
    public const string ApplyFirst = "This job has job variables: apply first (tasks/apply) and send the custom_vars it returned";
    public const string CustomVarsMismatch = "custom_vars don't match the job variables your apply returned";
    public const string AgentsDumpOnly = "An agent token submits only to a job that takes automation data dumps; a person submits with their own token";
    public const string DumpFieldsGiven = "status and files are for automation data-dump jobs only; this job takes manual submissions (proof_files_base64)";

    public async ValueTask<Result<JobTask>> Handle(SubmitTask command, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(command.JobId, cancellationToken);
        if (job is null) return Error.NotFound(TaskMessages.JobNotFound);
        var hasPlannedTasks = await plannedTasks.CountForJobAsync(job.Id, cancellationToken) > 0;
        if (job.TakesDataDumps(hasPlannedTasks)) return await dataDumps.SubmitAsync(command, job, cancellationToken);
        if (command.Caller.RemoteDeviceId is not null) return Error.Forbidden(AgentsDumpOnly);
        if (command.DumpStatus is not null || command.DumpFiles.Count > 0) return Error.Validation(DumpFieldsGiven);

        var task = await tasks.FindAwaitingProofAsync(job.Id, command.Caller.UserId, cancellationToken);
        if (task is null && hasPlannedTasks) return Error.Validation(ApplyFirst);
        if (task is not null && hasPlannedTasks && await CustomVarsRefusalAsync(task, command.CustomVars, cancellationToken) is { } mismatch)
            return Error.Validation(mismatch);
        var files = ProofFiles.Read(job, command.Files);
        if (!files.IsSuccess) return files.Error!;

        var storing = await proofFiles.StoreAsync(command.Caller.UserId, files.Value, cancellationToken);
        if (!storing.IsSuccess) return storing.Error!;
        var stored = storing.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var checks = job.AutoRate && !string.IsNullOrEmpty(job.Vcode);
        void CheckCode(JobTask t)
        {
            if (checks) t.CompleteChecks(command.Proof.Contains(job.Vcode!, StringComparison.OrdinalIgnoreCase), now);
        }

        var previous = JobTaskStatus.Running;
        IReadOnlyList<ProofFile> replaced = [];
        try
        {
            if (task is null)
            {
                // No task waits for this worker's proof: take one through the same gates, stored already submitted.
                var applied = await applying.ApplyAsync(command.Caller, job, command.Ip, cancellationToken, (id, taskJob, worker, at) =>
                {
                    var submitted = JobTask.ApplySubmitted(id, taskJob, worker, command.Proof, stored, checks, at);
                    CheckCode(submitted);
                    return submitted;
                });
                if (!applied.IsSuccess)
                {
                    await proofFiles.DeleteAsync(stored);
                    return applied.Error!;
                }
                task = applied.Value.Task;
            }
            else
            {
                previous = task.Status;
                replaced = task.ProofFiles;
                task.Submit(command.Proof, stored, command.Ip, checks, now);
                CheckCode(task);
                if (!await tasks.TrySaveAsync(task, cancellationToken))
                {
                    await proofFiles.DeleteAsync(stored);
                    return Error.Conflict("The task changed while it was submitted; submit again");
                }
            }
        }
        catch
        {
            await proofFiles.DeleteAsync(stored);
            throw;
        }
        await proofFiles.DeleteAsync(replaced);
        await outcomes.AfterMoveAsync(previous, task, cancellationToken);
        await emails.TaskCompletedAsync(job, task, cancellationToken);
        return task;
    }

    /// <summary>The custom_vars must be those of the planned task the apply gave: its _id and each variable's value.</summary>
    private async Task<string?> CustomVarsRefusalAsync(JobTask task, JsonObject? customVars, CancellationToken cancellationToken)
    {
        if (customVars is null) return "custom_vars is required for a job with job variables";
        var planned = task.PlannedTaskId is { } id ? await plannedTasks.GetAsync(id, cancellationToken) : null;
        if (planned is null) return CustomVarsMismatch;
        var given = JobVariables.Of(planned);
        foreach (var (name, value) in customVars)
            if (!given.TryGetPropertyValue(name, out var expected) || !JsonNode.DeepEquals(expected, value)) return CustomVarsMismatch;
        return customVars.ContainsKey(JobVariables.IdField) ? null : CustomVarsMismatch;
    }
}
