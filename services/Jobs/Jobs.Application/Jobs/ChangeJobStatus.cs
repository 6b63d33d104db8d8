using Jobs.Application.Ports;
using Jobs.Domain.Jobs;
using Mediator;
using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Results;

namespace Jobs.Application.Jobs;

/// <summary>
/// Activate or deactivate a job: the owner or an edit share only. Someone who can't see the job gets 404. Switching an
/// inactive job back on has Payments hold its unpaid positions again (deactivating gave them back): a balance that
/// doesn't cover them refuses the switch (400). Money is never left held for a job that stays inactive: the job is
/// first marked with the reopening's id, then funded under it, then switched on; a write that loses a race to another
/// (a task event's counter, say) reads the job again and goes on; and a switch that can't finish (no answer from
/// Payments, a job that ended meanwhile, a crash: the sweep) is given up with JobReopenAbandoned, on which Payments
/// gives back what that reopening held.
/// </summary>
public sealed record ChangeJobStatus(Caller Caller, string JobId, JobStatus Status) : ICommand<Result>;

public sealed class ChangeJobStatusHandler(IJobRepository jobs, IJobFunding funding, TimeProvider clock) : ICommandHandler<ChangeJobStatus, Result>
{
    /// <summary>How often a write that lost to another is read and tried again before the request gives up (409).</summary>
    private const int Attempts = 20;

    public const string CouldNotFund = "The job could not be funded again just now (the payments service did not answer). Try again.";

    public async ValueTask<Result> Handle(ChangeJobStatus command, CancellationToken cancellationToken)
    {
        var reopenId = ObjectIds.New();
        var begun = await WriteAsync(command, job =>
        {
            var reopening = job.Status == JobStatus.Inactive && command.Status == JobStatus.Active;
            if (reopening) job.BeginReopening(reopenId, clock.GetUtcNow().UtcDateTime);
            else if (!job.ChangeStatus(command.Status)) return false;
            return true;
        }, cancellationToken);
        if (!begun.IsSuccess || begun.Value is not { Reopening.ReopenId: var marked } || marked != reopenId) return begun.IsSuccess ? Result.Success() : begun.Error!;

        var answer = await funding.ReopenAsync(command.JobId, reopenId, cancellationToken);
        if (answer.Status != FundingStatus.Funded)
        {
            await WriteAsync(command, job =>
            {
                job.AbandonReopening(reopenId);
                return true;
            }, cancellationToken);
            return answer.Status == FundingStatus.Refused
                ? Error.Validation(answer.Reason ?? "Insufficient balance to reopen this job")
                : Error.Unavailable(CouldNotFund);
        }

        var switched = false;
        var done = await WriteAsync(command, job =>
        {
            switched = job.CompleteReopening(reopenId);
            // Another switch took over, or the job ended meanwhile: this one's money goes back.
            if (!switched) job.AbandonReopening(reopenId);
            return true;
        }, cancellationToken);
        if (!done.IsSuccess) return done.Error!;
        return switched || done.Value.Status == JobStatus.Active ? Result.Success() : Error.Conflict("The job changed while it was switched on; nothing is held for it");
    }

    /// <summary>
    /// Reads the job, checks the caller may change it, applies <paramref name="change"/> (false: nothing to write) and
    /// writes it over the version read, reading again when another write came first. The job as written (or as found).
    /// </summary>
    private async Task<Result<Job>> WriteAsync(ChangeJobStatus command, Func<Job, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var found = await jobs.FindAsync(command.JobId, j => j.CanView(command.Caller.UserId), cancellationToken);
            if (!found.IsSuccess) return found.Error!;
            var job = found.Value;
            if (!job.CanEdit(command.Caller.UserId)) return Error.Forbidden("You may view this job but not change it");
            if (!change(job) || await jobs.TrySaveAsync(job, cancellationToken)) return job;
        }
        return Error.Conflict("The job kept changing while its status was changed; try again");
    }
}
