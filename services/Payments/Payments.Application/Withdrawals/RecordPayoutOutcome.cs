using System.Text.Json.Nodes;
using Mediator;
using Payments.Application.Ports;
using Payments.Domain.Transactions;
using Platform.Application.Results;

namespace Payments.Application.Withdrawals;

/// <summary>
/// The payout provider's webhook, later, on a withdrawal it accepted: once its signature checks, a paid payout moves
/// clearing → the provider, a failed one gives the money back to the user. A withdrawal already paid or failed stays
/// as it is, so a repeated webhook changes nothing; one that names another amount than the withdrawal's is refused.
/// </summary>
public sealed record RecordPayoutOutcome(JsonObject Webhook) : ICommand<Result>;

public sealed class RecordPayoutOutcomeHandler(IPayoutWebhookReader webhooks, IPaymentTransactionRepository transactions, ILedger ledger, TimeProvider clock)
    : ICommandHandler<RecordPayoutOutcome, Result>
{
    public async ValueTask<Result> Handle(RecordPayoutOutcome command, CancellationToken cancellationToken)
    {
        if (!webhooks.IsEnabled) return Error.NotFound("Payouts do not go through Cryptomus here");
        var read = webhooks.Read(command.Webhook);
        if (!read.IsSuccess) return read.Error!;
        var notice = read.Value;

        var withdrawal = await transactions.GetAsync(notice.WithdrawalId, cancellationToken);
        if (withdrawal is not { Type: PaymentType.Withdrawal }) return Error.NotFound("No such withdrawal");
        if (withdrawal.Amount != notice.Amount) return Error.Validation($"The payout's amount {notice.Amount} is not the withdrawal's {withdrawal.Amount}");
        if (withdrawal.Status != TransactionStatus.Pending || notice.Status == ProviderStatus.Pending) return Result.Success();

        await WithdrawalOutcome.RecordAsync(withdrawal, new ProviderResult(notice.Status, notice.Reference, notice.Reason), ledger, transactions,
            clock.GetUtcNow().UtcDateTime, cancellationToken);
        return Result.Success();
    }
}
