using Mediator;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Jobs;

namespace Tasks.Application.Jobs;

/// <summary>Jobs changed a job's status (active, inactive, completed, expired): only an active job takes new tasks.</summary>
public sealed record RecordJobStatus(string JobId, JobStatus Status) : ICommand<Result>;

public sealed class RecordJobStatusHandler(IJobReplica jobs) : ICommandHandler<RecordJobStatus, Result>
{
    public async ValueTask<Result> Handle(RecordJobStatus command, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(command.JobId, cancellationToken);
        if (job is null) throw new JobNotKnownYetException(command.JobId);
        if (job.Status != command.Status) await jobs.SaveAsync(job with { Status = command.Status }, cancellationToken);
        return Result.Success();
    }
}
