using FluentValidation;
using Mediator;
using Payments.Application.Ports;
using Payments.Domain.Funding;
using Payments.Domain.Ledger;
using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Results;

namespace Payments.Application.Funding;

/// <summary>
/// Jobs asks, before it posts a job, that the caller's available balance fund it: positions × (job price + the
/// platform's fee) moves to the job's hold, or nothing moves and the post is refused. Asking again for the same job
/// answers the same (the posting is keyed by the job). A job whose funding was abandoned (Jobs gave up on posting it)
/// can't be funded any more: its money goes back.
/// </summary>
public sealed record FundJob(Caller Caller, string JobId, int Positions, decimal JobPrice) : ICommand<Result<JobFundingCharge>>;

/// <summary>What the job costs its employer: <see cref="Charged"/> in all, of which <see cref="FeePerTask"/> per position is the platform's.</summary>
public sealed record JobFundingCharge(string JobId, decimal Charged, decimal FeePerTask);

public sealed class FundJobValidator : AbstractValidator<FundJob>
{
    public FundJobValidator()
    {
        RuleFor(x => x.JobId).Must(ObjectIds.IsValid).WithMessage("job_id must be a job id");
        RuleFor(x => x.Positions).GreaterThan(0).WithMessage("positions must be at least 1");
        RuleFor(x => x.JobPrice).GreaterThan(0).WithMessage("job_price must be greater than 0")
            .Must(p => decimal.Round(p, JobFunding.Decimals) == p).WithMessage($"job_price has at most {JobFunding.Decimals} decimal places");
    }
}

public sealed class FundJobHandler(IJobFundings fundings, JobHolds holds, ILedger ledger, PaymentsOptions options, TimeProvider clock)
    : ICommandHandler<FundJob, Result<JobFundingCharge>>
{
    public const string InsufficientBalance = "Insufficient balance to fund this job";
    public const string Abandoned = "This job's funding was abandoned; post the job again";

    public async ValueTask<Result<JobFundingCharge>> Handle(FundJob command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var funding = JobFunding.Open(command.JobId, command.Caller.UserId, command.JobPrice, command.Positions, options.JobFeePercent, now);
        if (!await fundings.TryAddAsync(funding, cancellationToken))
        {
            funding = (await fundings.GetAsync(command.JobId, cancellationToken))!;
            if (funding.EmployerId != command.Caller.UserId) return Error.Conflict("This job id is another employer's");
            if (funding.IsCancelled) return Error.Conflict(Abandoned);
        }

        var charged = Posting.Create(KeyOf(command.JobId), Accounts.Available(funding.EmployerId), JobHolds.HeldAccount(funding), funding.Charged, "job-funding", now);
        if (await ledger.PostAsync(charged, cancellationToken) == PostingOutcome.Insufficient)
        {
            await holds.SettleAsync(command.JobId, f => { f.Cancel(now); return true; }, strict: false, cancellationToken);
            return Error.Validation($"{InsufficientBalance}: it costs {funding.Charged:0.00##} ({command.Positions} × ({funding.JobPrice:0.00##} + a {funding.FeePerTask:0.00##} fee))");
        }

        // Abandoned while this ran: the settle gives the money back.
        if ((await fundings.GetAsync(command.JobId, cancellationToken))!.IsCancelled)
        {
            await holds.SettleAsync(command.JobId, null, strict: false, cancellationToken);
            return Error.Conflict(Abandoned);
        }
        return new JobFundingCharge(funding.JobId, funding.Charged, funding.FeePerTask);
    }

    public static string KeyOf(string jobId) => $"job:{jobId}:funding";
}
