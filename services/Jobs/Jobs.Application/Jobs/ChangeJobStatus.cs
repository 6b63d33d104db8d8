using Jobs.Application.Ports;
using Jobs.Domain.Jobs;
using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Jobs.Application.Jobs;

/// <summary>
/// Activate or deactivate a job: the owner or an edit share only. Someone who can't see the job gets 404. Switching an
/// inactive job back on first has Payments hold its unpaid positions again (deactivating gave them back): a balance
/// that doesn't cover them refuses the switch (400).
/// </summary>
public sealed record ChangeJobStatus(Caller Caller, string JobId, JobStatus Status) : ICommand<Result>;

public sealed class ChangeJobStatusHandler(IJobRepository jobs, IJobFunding funding) : ICommandHandler<ChangeJobStatus, Result>
{
    public async ValueTask<Result> Handle(ChangeJobStatus command, CancellationToken cancellationToken)
    {
        var found = await jobs.FindAsync(command.JobId, j => j.CanView(command.Caller.UserId), cancellationToken);
        if (!found.IsSuccess) return found.Error!;
        var job = found.Value;
        if (!job.CanEdit(command.Caller.UserId)) return Error.Forbidden("You may view this job but not change it");

        var reopening = job.Status == JobStatus.Inactive && command.Status == JobStatus.Active;
        if (!job.ChangeStatus(command.Status)) return Result.Success();
        if (reopening)
        {
            var answer = await funding.ReopenAsync(job.Id, cancellationToken);
            if (answer.Status == FundingStatus.Refused) return Error.Validation(answer.Reason ?? "Insufficient balance to reopen this job");
            if (answer.Status == FundingStatus.Unknown) return Error.Unavailable("The job could not be funded again just now (the payments service did not answer). Try again.");
        }
        await jobs.SaveAsync(job, cancellationToken);
        return Result.Success();
    }
}
