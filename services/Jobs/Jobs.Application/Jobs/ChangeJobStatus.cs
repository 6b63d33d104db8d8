using Jobs.Application.Ports;
using Jobs.Domain.Jobs;
using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Jobs.Application.Jobs;

/// <summary>Activate or deactivate a job: the owner or an edit share only. Someone who can't see the job gets 404.</summary>
public sealed record ChangeJobStatus(Caller Caller, string JobId, JobStatus Status) : ICommand<Result>;

public sealed class ChangeJobStatusHandler(IJobRepository jobs) : ICommandHandler<ChangeJobStatus, Result>
{
    public async ValueTask<Result> Handle(ChangeJobStatus command, CancellationToken cancellationToken)
    {
        var found = await jobs.FindAsync(command.JobId, j => j.CanView(command.Caller.UserId), cancellationToken);
        if (!found.IsSuccess) return found.Error!;
        var job = found.Value;
        if (!job.CanEdit(command.Caller.UserId)) return Error.Forbidden("You may view this job but not change it");

        if (!job.ChangeStatus(command.Status)) return Result.Success();
        await jobs.SaveAsync(job, cancellationToken);
        return Result.Success();
    }
}
