using FluentValidation;
using Mediator;
using Payments.Application.Ports;
using Payments.Domain.Ledger;
using Payments.Domain.Transactions;
using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Results;

namespace Payments.Application.Deposits;

/// <summary>
/// The caller funds their balance (route 47): the payment provider collects the amount, and a posting from the
/// provider's account to the caller's available account (keyed by the deposit) makes it spendable. The deposit shows
/// in the caller's history, pending until the provider completes it (the sandbox does at once). With an
/// <paramref name="OperationId"/> (from an Idempotency-Key) the deposit has that id, and a retry resumes it where it stopped.
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

public sealed class DepositFundsHandler(IPaymentTransactionRepository transactions, IPaymentProvider provider, ILedger ledger, TimeProvider clock)
    : ICommandHandler<DepositFunds, Result<PaymentTransaction>>
{
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
        var now = clock.GetUtcNow().UtcDateTime;
        switch (collected.Status)
        {
            case ProviderStatus.Completed:
                await ledger.PostAsync(Posting.Create(KeyOf(deposit), Accounts.PaymentProvider, Accounts.Available(deposit.UserId), deposit.Amount, "deposit", now),
                    cancellationToken);
                deposit.Complete(collected.Reference, now);
                break;
            case ProviderStatus.Failed:
                deposit.Fail(collected.Reason ?? "The payment provider refused the deposit", now);
                break;
            case ProviderStatus.Pending:
                return deposit;
        }
        // The posting is what moves the money: should this write be lost, the deposit shows pending with its money in.
        await transactions.TrySaveAsync(deposit, cancellationToken);
        return deposit.Status == TransactionStatus.Failed ? Error.Validation(deposit.Reason!) : deposit;
    }

    public static string KeyOf(PaymentTransaction deposit) => $"deposit:{deposit.Id}";
}
