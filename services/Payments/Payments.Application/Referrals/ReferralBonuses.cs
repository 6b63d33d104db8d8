using Payments.Application.Earnings;
using Payments.Application.Ports;
using Payments.Domain.Funding;
using Payments.Domain.Ledger;

namespace Payments.Application.Referrals;

/// <summary>
/// The referral bonus on a confirmed task: a share of its pay from platform revenue to the worker's referrer, keyed by
/// the task so it is paid once. It is paid when the task is confirmed if the referral is known by then, and otherwise
/// when the referral is heard (for every task the worker was already paid for): whichever of the two comes second
/// sees the other, so the order in which Identity's and Tasks' events arrive doesn't matter.
/// </summary>
public sealed class ReferralBonuses(ILedger ledger, PaymentsOptions options, TimeProvider clock)
{
    public async Task PayAsync(string taskId, string workerId, string referrerId, decimal pay, CancellationToken cancellationToken)
    {
        var bonus = JobFunding.ReferralBonusFor(pay, options.ReferralBonusPercent);
        if (bonus <= 0 || referrerId == workerId) return;
        await ledger.PostAsync(Posting.Create(PayConfirmedTaskHandler.Keys.Referral(taskId), Accounts.Revenue, Accounts.Available(referrerId), bonus, "referral-bonus",
            clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    /// <summary>The bonus on every task <paramref name="workerId"/> has been paid for so far.</summary>
    public async Task PayForEarlierTasksAsync(string workerId, string referrerId, CancellationToken cancellationToken)
    {
        await foreach (var pay in ledger.CreditsAsync(Accounts.Available(workerId), PayConfirmedTaskHandler.Keys.PayCause, cancellationToken))
            if (TaskOf(pay.Key) is { } taskId) await PayAsync(taskId, workerId, referrerId, pay.Amount, cancellationToken);
    }

    private static string? TaskOf(string payKey) =>
        payKey.StartsWith("task:", StringComparison.Ordinal) && payKey.EndsWith(":pay", StringComparison.Ordinal) ? payKey[5..^4] : null;
}
