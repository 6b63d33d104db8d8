using Mediator;
using Microsoft.Extensions.Logging;
using Payments.Application.Funding;
using Payments.Application.Ports;
using Payments.Domain.Funding;
using Payments.Application.Referrals;
using Payments.Domain.Ledger;
using Platform.Application.Results;

namespace Payments.Application.Earnings;

/// <summary>
/// A task was confirmed (TaskConfirmed): its unit leaves the job's hold, the pay to the worker's available balance and
/// the fee to platform revenue, and the worker's referrer (if any) gets the referral bonus from revenue. Each of the
/// three postings is keyed by the task, so a task pays once however often the event comes. The hold needs no settling
/// after: the unit that left it is the unit the job no longer wants. A task run on another owner's market device pays
/// its owner (the worker) only <paramref name="DeviceOwnerShare"/>; the rest of the pay is the market's commission, to
/// revenue (keyed <c>task:{id}:market</c>), and the referral bonus is a share of what the worker earned.
/// </summary>
public sealed record PayConfirmedTask(string TaskId, string JobId, string WorkerId, decimal? DeviceOwnerShare = null) : ICommand<Result>;

public sealed partial class PayConfirmedTaskHandler(
    ITaskPositions positions, IJobFundings fundings, IReferrals referrals, ReferralBonuses bonuses, JobHolds holds, ILedger ledger,
    TimeProvider clock, ILogger<PayConfirmedTaskHandler> logger) : ICommandHandler<PayConfirmedTask, Result>
{
    public async ValueTask<Result> Handle(PayConfirmedTask command, CancellationToken cancellationToken)
    {
        await positions.RecordAsync(command.TaskId, command.JobId, TaskPosition.Confirmed, cancellationToken);
        var funding = await fundings.GetAsync(command.JobId, cancellationToken);
        if (funding is null || funding.IsCancelled)
        {
            LogUnfunded(command.TaskId, command.JobId);
            return Result.Success();
        }

        var earned = command.DeviceOwnerShare is { } share ? Math.Clamp(share, 0m, funding.JobPrice) : funding.JobPrice;
        using (await holds.LockAsync(command.JobId, cancellationToken))
        {
            if (earned > 0)
                await TakeFromHoldAsync(funding, Keys.Pay(command.TaskId), Accounts.Available(command.WorkerId), earned, Keys.PayCause, cancellationToken);
            if (funding.JobPrice - earned > 0)
                await TakeFromHoldAsync(funding, Keys.Market(command.TaskId), Accounts.Revenue, funding.JobPrice - earned, "market-commission", cancellationToken);
            if (funding.FeePerTask > 0)
                await TakeFromHoldAsync(funding, Keys.Fee(command.TaskId), Accounts.Revenue, funding.FeePerTask, "task-fee", cancellationToken);
        }

        // Read after the pay is posted: a referral heard meanwhile then finds the pay (see ReferralBonuses).
        if (await referrals.ReferrerOfAsync(command.WorkerId, cancellationToken) is { } referrer)
            await bonuses.PayAsync(command.TaskId, command.WorkerId, referrer, earned, cancellationToken);
        return Result.Success();
    }

    /// <summary>
    /// From the job's hold; should the hold fall short (a task applied in the instant its job closed, whose unit could
    /// not be held again), from the employer's available balance. When neither covers it the event is retried later.
    /// </summary>
    private async Task TakeFromHoldAsync(JobFunding funding, string key, string to, decimal amount, string cause, CancellationToken cancellationToken)
    {
        if (await ledger.PostAsync(Posting.Create(key, JobHolds.HeldAccount(funding), to, amount, cause, Now), cancellationToken) != PostingOutcome.Insufficient) return;
        if (await ledger.PostAsync(Posting.Create(key, Accounts.Available(funding.EmployerId), to, amount, cause, Now), cancellationToken) != PostingOutcome.Insufficient) return;
        throw new InvalidOperationException($"Neither job {funding.JobId}'s hold nor its employer's balance covers {amount} for {key}; the event will be retried.");
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The ledger keys of a confirmed task's postings, and the cause of its pay.</summary>
    public static class Keys
    {
        public const string PayCause = "task-pay";
        public static string Pay(string taskId) => $"task:{taskId}:pay";
        public static string Fee(string taskId) => $"task:{taskId}:fee";
        public static string Market(string taskId) => $"task:{taskId}:market";
        public static string Referral(string taskId) => $"task:{taskId}:referral";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId} was confirmed, but its job {JobId} has no funding here: nothing is paid")]
    private partial void LogUnfunded(string taskId, string jobId);
}
