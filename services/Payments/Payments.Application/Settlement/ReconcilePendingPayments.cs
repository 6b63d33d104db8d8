using Mediator;
using Microsoft.Extensions.Logging;
using Payments.Application.Ports;
using Payments.Domain.Transactions;
using Platform.Application.Results;

namespace Payments.Application.Settlement;

/// <summary>
/// The reconcile sweep: deposits and withdrawals the provider has yet to settle, whose webhook has not come, are
/// settled by asking the provider about each by its id (at growing intervals). A payout the provider never received
/// (its request lost to a timeout) is sent again under the same id, which the provider pays at most once; a deposit
/// whose invoice the provider never made fails once the invoice would have expired. No answer is never a verdict: the
/// payment waits for the next round. Returns how many it asked about.
/// </summary>
public sealed record ReconcilePendingPayments : ICommand<Result<int>>;

public sealed partial class ReconcilePendingPaymentsHandler(IPaymentTransactionRepository transactions, IPaymentProvider deposits, IPayoutProvider payouts,
    DepositSettlement depositSettlement, WithdrawalSettlement withdrawalSettlement, PaymentsOptions options, TimeProvider clock,
    ILogger<ReconcilePendingPaymentsHandler> logger) : ICommandHandler<ReconcilePendingPayments, Result<int>>
{
    public const int BatchSize = 100;

    public async ValueTask<Result<int>> Handle(ReconcilePendingPayments command, CancellationToken cancellationToken)
    {
        var due = await transactions.ListDueForCheckAsync(clock.GetUtcNow().UtcDateTime, BatchSize, cancellationToken);
        foreach (var transaction in due)
        {
            if (transaction.Type == PaymentType.Deposit) await ReconcileDepositAsync(transaction, cancellationToken);
            else await ReconcileWithdrawalAsync(transaction, cancellationToken);
        }
        return due.Count;
    }

    private async Task ReconcileDepositAsync(PaymentTransaction deposit, CancellationToken cancellationToken)
    {
        if (!IsFrom(deposit, deposits.Name))
        {
            await WaitAsync(deposit, cancellationToken);
            return;
        }
        var result = await deposits.CheckAsync(deposit, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (result.Status == ProviderStatus.NotFound && now - deposit.Created > options.DepositInvoiceLifetime + options.DepositInvoiceGrace)
            result = new ProviderResult(ProviderStatus.Failed, Reason: "The payment provider has no invoice for this deposit");
        if (result.Status is ProviderStatus.Completed or ProviderStatus.Failed)
        {
            if (!(await depositSettlement.ApplyAsync(deposit, result, cancellationToken)).IsSuccess) await WaitAsync(deposit, cancellationToken);
            return;
        }
        if (result.Status == ProviderStatus.Pending) deposit.AwaitProvider(result.Reference, result.PaymentUrl, now);
        await WaitAsync(deposit, cancellationToken);
    }

    private async Task ReconcileWithdrawalAsync(PaymentTransaction withdrawal, CancellationToken cancellationToken)
    {
        if (!IsFrom(withdrawal, payouts.Name))
        {
            await WaitAsync(withdrawal, cancellationToken);
            return;
        }
        var result = await payouts.CheckAsync(withdrawal, cancellationToken);
        if (result.Status == ProviderStatus.NotFound)
        {
            LogResending(withdrawal.Id);
            result = await payouts.PayAsync(withdrawal, cancellationToken);
        }
        if (result.Status is ProviderStatus.Completed or ProviderStatus.Failed)
        {
            await withdrawalSettlement.ApplyAsync(withdrawal, result, cancellationToken);
            return;
        }
        await WaitAsync(withdrawal, cancellationToken);
    }

    /// <summary>No verdict yet: ask again later (a lost write only means it is asked again sooner).</summary>
    private async Task WaitAsync(PaymentTransaction transaction, CancellationToken cancellationToken)
    {
        transaction.CheckedWithoutVerdict(clock.GetUtcNow().UtcDateTime);
        await transactions.TrySaveAsync(transaction, cancellationToken);
    }

    /// <summary>A payment made through a provider no longer configured is left for an operator (and said so).</summary>
    private bool IsFrom(PaymentTransaction transaction, string provider)
    {
        if (transaction.Method == provider) return true;
        LogOtherProvider(transaction.Id, transaction.Method, provider);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The payout provider has no payout for withdrawal {WithdrawalId}: sending it again under the same id")]
    private partial void LogResending(string withdrawalId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {TransactionId} went through {Method}, but {Configured} is configured now: it can't be reconciled here")]
    private partial void LogOtherProvider(string transactionId, string method, string configured);
}
