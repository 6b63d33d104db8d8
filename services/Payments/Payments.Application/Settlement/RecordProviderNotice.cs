using System.Text.Json.Nodes;
using Mediator;
using Payments.Application.Ports;
using Payments.Domain.Transactions;
using Platform.Application.Results;

namespace Payments.Application.Settlement;

/// <summary>
/// A payment provider's webhook on a deposit or a withdrawal it took. Trusted only once its signature checks; then a
/// paid deposit is credited (once), a paid or failed payout settles its withdrawal (once), and a notice that is still
/// under way changes nothing. A notice naming another amount (or, for a deposit, currency) than the transaction's is
/// refused and logged; a repeated notice changes nothing.
/// </summary>
public sealed record RecordProviderNotice(JsonObject Webhook) : ICommand<Result>;

public sealed class RecordProviderNoticeHandler(IProviderWebhookReader webhooks, IPaymentTransactionRepository transactions, DepositSettlement deposits,
    WithdrawalSettlement withdrawals) : ICommandHandler<RecordProviderNotice, Result>
{
    public async ValueTask<Result> Handle(RecordProviderNotice command, CancellationToken cancellationToken)
    {
        if (!webhooks.IsEnabled) return Error.NotFound("No payment provider that sends webhooks is configured here");
        var read = webhooks.Read(command.Webhook);
        if (!read.IsSuccess) return read.Error!;
        var notice = read.Value;

        var transaction = await transactions.GetAsync(notice.TransactionId, cancellationToken);
        if (transaction is null || transaction.Type != notice.Kind)
            return Error.NotFound(notice.Kind == PaymentType.Deposit ? "No such deposit" : "No such withdrawal");
        if (notice.Kind == PaymentType.Deposit) return await deposits.ApplyAsync(transaction, notice.Result, cancellationToken);

        if (notice.Result.Amount is { } amount && amount != transaction.Amount)
            return Error.Validation($"The payout's amount {amount} is not the withdrawal's {transaction.Amount}");
        await withdrawals.ApplyAsync(transaction, notice.Result, cancellationToken);
        return Result.Success();
    }
}
