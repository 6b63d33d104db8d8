using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Payments.Application.Funding;

/// <summary>
/// Jobs asks, before it switches an inactive job back on, that the hold cover the job's unpaid positions again: the
/// difference moves from the owner's available balance, or nothing moves and the switch is refused. Jobs has checked
/// that the caller may switch the job (its owner, or an edit share); the money is always the owner's. The funding
/// remembers <paramref name="ReopenId"/> until the job's own status event: should Jobs give the switch up
/// (JobReopenAbandoned with this id, see <see cref="CancelJobReopen"/>), the money goes back.
/// </summary>
public sealed record ReopenJobFunding(Caller Caller, string JobId, string ReopenId) : ICommand<Result>;

public sealed class ReopenJobFundingHandler(JobHolds holds, Ports.IJobFundings fundings, TimeProvider clock) : ICommandHandler<ReopenJobFunding, Result>
{
    public async ValueTask<Result> Handle(ReopenJobFunding command, CancellationToken cancellationToken)
    {
        var funding = await fundings.GetAsync(command.JobId, cancellationToken);
        if (funding is null) return Error.NotFound("This job has no funding");
        if (funding.IsCancelled) return Error.Conflict(FundJobHandler.Abandoned);

        var now = clock.GetUtcNow().UtcDateTime;
        return await holds.SettleAsync(command.JobId, f => f.Reopen(command.ReopenId, now), strict: true, cancellationToken) switch
        {
            HoldOutcome.Insufficient => Error.Validation("Insufficient balance to reopen this job: its unpaid positions must be funded again"),
            _ => Result.Success(),
        };
    }
}
