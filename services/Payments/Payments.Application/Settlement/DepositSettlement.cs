using Microsoft.Extensions.Logging;
using Payments.Application.Ports;
using Payments.Domain.Ledger;
using Payments.Domain.Transactions;
using Platform.Application.Results;

namespace Payments.Application.Settlement;

/// <summary>
/// What the payment provider said of a deposit, in the ledger and in its history. Paid: the amount moves from the
/// provider's account to the user's available balance, in one posting keyed by the deposit, so the money comes in once
/// however often it is said (webhook, replay, the reconcile sweep) - and only when the provider's amount and currency
/// are the deposit's: anything else is refused and logged, nothing credited. Failed: the deposit shows failed, nothing
/// moves. Still pending: it keeps waiting, with the provider's id and payment page.
/// </summary>
public sealed partial class DepositSettlement(ILedger ledger, IPaymentTransactionRepository transactions, TimeProvider clock, ILogger<DepositSettlement> logger)
{
    public static string KeyOf(PaymentTransaction deposit) => $"deposit:{deposit.Id}";

    public async Task<Result> ApplyAsync(PaymentTransaction deposit, ProviderResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        switch (result.Status)
        {
            case ProviderStatus.Completed:
                if (Mismatch(deposit, result) is { } mismatch)
                {
                    LogMismatch(deposit.Id, mismatch);
                    return Error.Validation(mismatch);
                }
                await ledger.PostAsync(Posting.Create(KeyOf(deposit), Accounts.PaymentProvider, Accounts.Available(deposit.UserId), deposit.Amount, "deposit", now),
                    cancellationToken);
                deposit.Complete(result.Reference, now);
                break;
            case ProviderStatus.Failed when deposit.Status == TransactionStatus.Pending:
                deposit.Fail(result.Reason ?? "The payment provider says the deposit will not be paid", now);
                break;
            case ProviderStatus.Pending when deposit.Status == TransactionStatus.Pending:
                deposit.AwaitProvider(result.Reference, result.PaymentUrl, now);
                break;
            default:
                return Result.Success();
        }
        // The posting is what moves the money: should this write be lost to a concurrent one, the deposit shows pending
        // with its money in until the sweep asks the provider again and records it.
        await transactions.TrySaveAsync(deposit, cancellationToken);
        return Result.Success();
    }

    /// <summary>Why the provider's word can't be the deposit's: another amount or currency than the invoice's.</summary>
    private static string? Mismatch(PaymentTransaction deposit, ProviderResult result)
    {
        if (result.Currency is { } currency && !string.Equals(currency, Money.Currency, StringComparison.OrdinalIgnoreCase))
            return $"The payment is in {currency}, not the deposit's {Money.Currency}";
        if (result.Amount is { } amount && amount != deposit.Amount)
            return $"The payment's amount {amount} is not the deposit's {deposit.Amount}";
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The payment provider reported deposit {DepositId} paid, but it does not match the invoice ({Mismatch}): nothing credited")]
    private partial void LogMismatch(string depositId, string mismatch);
}
