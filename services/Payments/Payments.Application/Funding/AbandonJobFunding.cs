using Mediator;
using Payments.Application.Ports;
using Payments.Domain.Funding;
using Platform.Application.Results;

namespace Payments.Application.Funding;

/// <summary>
/// Jobs gave up on posting a job (JobFundingAbandoned: it could not learn whether the funding went through, or it
/// crashed before the job was saved): whatever was held for it goes back, and the job can't be funded any more.
/// </summary>
public sealed record AbandonJobFunding(string JobId, string EmployerId, DateTime At) : ICommand<Result>;

public sealed class AbandonJobFundingHandler(IJobFundings fundings, JobHolds holds) : ICommandHandler<AbandonJobFunding, Result>
{
    public async ValueTask<Result> Handle(AbandonJobFunding command, CancellationToken cancellationToken)
    {
        // Never funded here: a tombstone, so that a funding request still on its way is refused.
        if (await fundings.TryAddAsync(JobFunding.Abandoned(command.JobId, command.EmployerId, command.At), cancellationToken)) return Result.Success();
        await holds.SettleAsync(command.JobId, f => { f.Cancel(command.At); return true; }, strict: false, cancellationToken);
        return Result.Success();
    }
}
