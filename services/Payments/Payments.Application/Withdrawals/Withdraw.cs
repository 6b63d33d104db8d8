using FluentValidation;
using Mediator;
using Payments.Application.Ports;
using Payments.Application.Settlement;
using Payments.Domain.Ledger;
using Payments.Domain.Transactions;
using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Results;

namespace Payments.Application.Withdrawals;

/// <summary>
/// The caller withdraws to a wallet (route 17). The ledger moves the amount from their available account to payout
/// clearing (refused, and nothing shown, when it would go below zero: of many racing withdrawals only those the balance
/// covers pass); the payout provider then pays it (clearing → the provider's account) or fails it (the money goes back),
/// once (see <see cref="WithdrawalSettlement"/>). An unclear answer (no answer, a timeout, a server error, a refusal the
/// provider can't confirm) is no failure: the withdrawal stays pending, and the provider's webhook or the reconcile
/// sweep settles it. With an <paramref name="OperationId"/> (from an Idempotency-Key) the withdrawal has that id, and a
/// retry resumes it where it stopped: its posting is keyed by it, so the money is taken once.
/// </summary>
public sealed record Withdraw(Caller Caller, decimal Amount, string WalletAddress, string? OperationId = null) : ICommand<Result<PaymentTransaction>>;

public sealed class WithdrawValidator : AbstractValidator<Withdraw>
{
    public WithdrawValidator(PaymentsOptions options)
    {
        RuleFor(x => x.Amount).GreaterThan(0).WithMessage("amount must be greater than 0")
            .Must(Money.IsInCents).WithMessage("amount has at most 2 decimal places")
            .GreaterThanOrEqualTo(options.MinimumPayout).WithMessage($"amount is below the minimum payout of {options.MinimumPayout:0.00}");
        RuleFor(x => x.WalletAddress).Custom((address, context) =>
        {
            if (Domain.Transactions.WalletAddress.TryParse(address, out var refusal) is null) context.AddFailure(refusal);
        });
    }
}

public sealed class WithdrawHandler(IPaymentTransactionRepository transactions, IPayoutProvider payouts, ILedger ledger, WithdrawalSettlement settlement,
    TimeProvider clock)
    : ICommandHandler<Withdraw, Result<PaymentTransaction>>
{
    public const string InsufficientBalance = "Insufficient balance";

    public async ValueTask<Result<PaymentTransaction>> Handle(Withdraw command, CancellationToken cancellationToken)
    {
        var withdrawal = command.OperationId is { } id ? await transactions.GetAsync(id, cancellationToken) : null;
        if (withdrawal is null)
        {
            var address = WalletAddress.TryParse(command.WalletAddress, out _)!;
            withdrawal = PaymentTransaction.Withdrawal(command.OperationId ?? ObjectIds.New(), command.Caller.UserId, command.Amount, payouts.Name, address, Now);
            // Recorded first (not shown while requested), so that money in clearing always has its withdrawal.
            await transactions.AddAsync(withdrawal, cancellationToken);
        }
        switch (withdrawal.Status)
        {
            case TransactionStatus.Refused: return Error.Validation(InsufficientBalance);
            case TransactionStatus.Failed: return Error.Validation($"The payout failed: {withdrawal.Reason}");
            case TransactionStatus.Paid: return withdrawal;
            case TransactionStatus.Pending: return await PayAsync(withdrawal, cancellationToken);
        }

        var taken = await ledger.PostAsync(Posting.Create(WithdrawalSettlement.KeyOf(withdrawal), Accounts.Available(withdrawal.UserId), Accounts.PayoutClearing,
            withdrawal.Amount, "withdrawal", Now), cancellationToken);
        if (taken == PostingOutcome.Insufficient)
        {
            withdrawal.Refuse(InsufficientBalance, Now);
            await transactions.TrySaveAsync(withdrawal, cancellationToken);
            return Error.Validation(InsufficientBalance);
        }
        // Posted now or by an earlier attempt with the same operation id: either way the money is in clearing.
        withdrawal.Accept(Now);
        await transactions.TrySaveAsync(withdrawal, cancellationToken);
        return await PayAsync(withdrawal, cancellationToken);
    }

    private async Task<Result<PaymentTransaction>> PayAsync(PaymentTransaction withdrawal, CancellationToken cancellationToken)
    {
        await settlement.ApplyAsync(withdrawal, await payouts.PayAsync(withdrawal, cancellationToken), cancellationToken);
        return withdrawal.Status == TransactionStatus.Failed ? Error.Validation($"The payout failed: {withdrawal.Reason}") : withdrawal;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
