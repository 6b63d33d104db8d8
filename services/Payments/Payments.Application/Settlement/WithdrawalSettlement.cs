using Microsoft.Extensions.Logging;
using Payments.Application.Ports;
using Payments.Domain.Ledger;
using Payments.Domain.Transactions;

namespace Payments.Application.Settlement;

/// <summary>
/// What the payout provider said of a withdrawal, in the ledger and in its history: paid (clearing → the provider's
/// account) or failed (clearing → back to the user). Either is one posting under the same key,
/// <c>withdrawal:{id}:settled</c>, so a withdrawal is settled once and only once: never both paid and refunded, whatever
/// order verdicts come in. Should the provider contradict a settlement already made (paid after its failure was
/// recorded), the first stands and the contradiction is logged as an error for an operator.
/// </summary>
public sealed partial class WithdrawalSettlement(ILedger ledger, IPaymentTransactionRepository transactions, TimeProvider clock,
    ILogger<WithdrawalSettlement> logger)
{
    public static string KeyOf(PaymentTransaction withdrawal) => $"withdrawal:{withdrawal.Id}";

    public static string SettlementKeyOf(PaymentTransaction withdrawal) => $"{KeyOf(withdrawal)}:settled";

    public async Task ApplyAsync(PaymentTransaction withdrawal, ProviderResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        switch (result.Status)
        {
            case ProviderStatus.Completed or ProviderStatus.Failed:
                var paid = result.Status == ProviderStatus.Completed;
                var posting = paid
                    ? Posting.Create(SettlementKeyOf(withdrawal), Accounts.PayoutClearing, Accounts.PayoutProvider, withdrawal.Amount, "payout", now)
                    : Posting.Create(SettlementKeyOf(withdrawal), Accounts.PayoutClearing, Accounts.Available(withdrawal.UserId), withdrawal.Amount, "payout-return", now);
                if (await ledger.PostAsync(posting, cancellationToken) == PostingOutcome.AlreadyPosted
                    && await ledger.FindAsync(posting.Key, cancellationToken) is { } settled && settled.Credit != posting.Credit)
                {
                    var settledPaid = settled.Credit == Accounts.PayoutProvider;
                    LogContradiction(withdrawal.Id, settledPaid ? "paid" : "failed", paid ? "paid" : "failed");
                    paid = settledPaid;
                }
                if (withdrawal.Status == TransactionStatus.Pending)
                {
                    if (paid) withdrawal.Complete(result.Reference, now);
                    else withdrawal.Fail(result.Reason ?? "The payout provider failed the payout", now);
                }
                break;
            case ProviderStatus.Pending or ProviderStatus.Unanswered or ProviderStatus.NotFound when withdrawal.Status == TransactionStatus.Pending:
                // Not settled: the money stays in clearing until the provider says (its webhook, or the reconcile sweep).
                withdrawal.AwaitProvider(result.Reference, null, now);
                break;
            default:
                return;
        }
        await transactions.TrySaveAsync(withdrawal, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Withdrawal {WithdrawalId} was settled as {Settled}, and now the payout provider says {Said}: the first stands; check it with the provider")]
    private partial void LogContradiction(string withdrawalId, string settled, string said);
}
