using FluentValidation;
using Mediator;
using Payments.Application.Ports;
using Payments.Application.Settlement;
using Payments.Domain.Ledger;
using Payments.Domain.Transactions;
using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Results;

namespace Payments.Application.Deposits;

/// <summary>
/// The caller funds their balance (route 47): the payment provider is asked to collect the amount. The sandbox (local
/// runs) collects at once and the deposit is credited now; a real provider makes an invoice, and the deposit answers
/// pending with the page where the caller pays it; the provider's signed webhook (or, failing that, the reconcile
/// sweep asking it) credits it later, once (see <see cref="DepositSettlement"/>). A provider that does not answer leaves
/// nothing to pay and nothing charged: a 503, and a retry with the same <paramref name="OperationId"/> (an
/// Idempotency-Key) resumes the same deposit, with the same invoice if the provider made one after all.
/// </summary>
public sealed record DepositFunds(Caller Caller, decimal Amount, string? OperationId = null) : ICommand<Result<PaymentTransaction>>;

public sealed class DepositFundsValidator : AbstractValidator<DepositFunds>
{
    public DepositFundsValidator(PaymentsOptions options)
    {
        RuleFor(x => x.Amount).GreaterThan(0).WithMessage("amount must be greater than 0")
            .Must(Money.IsInCents).WithMessage("amount has at most 2 decimal places")
            .LessThanOrEqualTo(options.MaximumDeposit).WithMessage($"amount must be at most {options.MaximumDeposit} per deposit");
    }
}

public sealed class DepositFundsHandler(IPaymentTransactionRepository transactions, IPaymentProvider provider, DepositSettlement settlement, TimeProvider clock)
    : ICommandHandler<DepositFunds, Result<PaymentTransaction>>
{
    public const string ProviderUnanswered = "The payment provider did not answer; nothing was charged. Ask again (with the same Idempotency-Key to resume this deposit)";

    public async ValueTask<Result<PaymentTransaction>> Handle(DepositFunds command, CancellationToken cancellationToken)
    {
        var deposit = command.OperationId is { } id ? await transactions.GetAsync(id, cancellationToken) : null;
        if (deposit is null)
        {
            deposit = PaymentTransaction.Deposit(command.OperationId ?? ObjectIds.New(), command.Caller.UserId, command.Amount, provider.Name, clock.GetUtcNow().UtcDateTime);
            await transactions.AddAsync(deposit, cancellationToken);
        }
        if (deposit.Status == TransactionStatus.Paid) return deposit;
        if (deposit.Status == TransactionStatus.Failed) return Error.Validation(deposit.Reason!);

        var collected = await provider.CollectAsync(deposit, cancellationToken);
        if (collected.Status is ProviderStatus.Unanswered or ProviderStatus.NotFound)
        {
            // Should the invoice have been made after all, the reconcile sweep finds it (or fails the deposit once it could no longer be paid).
            deposit.AwaitProvider(null, null, clock.GetUtcNow().UtcDateTime);
            await transactions.TrySaveAsync(deposit, cancellationToken);
            return Error.Unavailable(ProviderUnanswered);
        }
        var settled = await settlement.ApplyAsync(deposit, collected, cancellationToken);
        if (!settled.IsSuccess) return settled.Error!;
        return deposit.Status == TransactionStatus.Failed ? Error.Validation(deposit.Reason!) : deposit;
    }
}
