using Mediator;
using Platform.Application.Results;
using Tasks.Application.Notifications;
using Tasks.Application.Ports;
using Tasks.Domain.Jobs;

namespace Tasks.Application.Jobs;

/// <summary>Jobs changed a job's status (active, inactive, completed, expired): only an active job takes new tasks; a completed one is announced to its owner.</summary>
public sealed record RecordJobStatus(string JobId, JobStatus Status) : ICommand<Result>;

public sealed class RecordJobStatusHandler(IJobReplica jobs, TaskEmails emails) : ICommandHandler<RecordJobStatus, Result>
{
    public async ValueTask<Result> Handle(RecordJobStatus command, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(command.JobId, cancellationToken);
        if (job is null) throw new JobNotKnownYetException(command.JobId);
        if (job.Status == command.Status) return Result.Success();
        await jobs.SaveAsync(job with { Status = command.Status }, cancellationToken);
        if (command.Status == JobStatus.Completed) await emails.JobCompletedAsync(job, cancellationToken);
        return Result.Success();
    }
}
