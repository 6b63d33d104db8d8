using Payments.Domain.Ledger;
using Payments.Domain.Transactions;

namespace Payments.Tests;

public sealed class LedgerRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_posting_moves_a_positive_amount_between_two_accounts_under_its_causes_key()
    {
        var posting = Posting.Create("deposit:d1", Accounts.PaymentProvider, Accounts.Available("u1"), 10.5m, "deposit", Now);
        posting.Debit.Should().Be("platform:payment-provider");
        posting.Credit.Should().Be("available:u1");

        FluentActions.Invoking(() => Posting.Create("k", "a", "a", 1, "x", Now)).Should().Throw<LedgerRuleException>();
        FluentActions.Invoking(() => Posting.Create("k", "a", "b", 0, "x", Now)).Should().Throw<LedgerRuleException>();
        FluentActions.Invoking(() => Posting.Create("k", "a", "b", -1, "x", Now)).Should().Throw<LedgerRuleException>();
        FluentActions.Invoking(() => Posting.Create("k", "a", "b", 0.000000001m, "x", Now)).Should().Throw<LedgerRuleException>();
        FluentActions.Invoking(() => Posting.Create(" ", "a", "b", 1, "x", Now)).Should().Throw<LedgerRuleException>();
    }

    [Fact]
    public void Only_the_platforms_accounts_may_go_negative()
    {
        Accounts.MayGoNegative(Accounts.PaymentProvider).Should().BeTrue();
        Accounts.MayGoNegative(Accounts.Revenue).Should().BeTrue();
        Accounts.MayGoNegative(Accounts.Available("u1")).Should().BeFalse();
        Accounts.MayGoNegative(Accounts.Held("u1", "j1")).Should().BeFalse();
        Accounts.Held("u1", "j1").Should().StartWith(Accounts.HeldPrefix("u1"));
    }

    [Fact]
    public void Amounts_in_cents()
    {
        Money.IsInCents(10m).Should().BeTrue();
        Money.IsInCents(10.25m).Should().BeTrue();
        Money.IsInCents(10.251m).Should().BeFalse();
    }

    [Fact]
    public void A_withdrawal_is_requested_then_taken_or_refused_then_paid_or_failed()
    {
        var address = WalletAddress.TryParse("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", out _)!;
        var refused = PaymentTransaction.Withdrawal("w1", "u1", 5, "sandbox", address, Now);
        refused.IsShown.Should().BeFalse();
        refused.Refuse("Insufficient balance", Now);
        refused.IsShown.Should().BeFalse();
        FluentActions.Invoking(() => refused.Complete(null, Now)).Should().Throw<TransactionRuleException>().WithMessage("*refused*");

        var paid = PaymentTransaction.Withdrawal("w2", "u1", 5, "sandbox", address, Now);
        paid.Accept(Now);
        paid.IsShown.Should().BeTrue();
        paid.Complete("ref-1", Now);
        paid.Complete("ref-1", Now);
        paid.Status.Should().Be(TransactionStatus.Paid);
        paid.TakeDomainEvents().Should().ContainSingle().Which.Should().BeOfType<WithdrawalCompletedDomainEvent>();
        FluentActions.Invoking(() => paid.Fail("late", Now)).Should().Throw<TransactionRuleException>();

        var failed = PaymentTransaction.Withdrawal("w3", "u1", 5, "sandbox", address, Now);
        failed.Accept(Now);
        failed.Fail("provider refused the address", Now);
        failed.TakeDomainEvents().Should().ContainSingle().Which.Should().BeOfType<WithdrawalFailedDomainEvent>();
        failed.Reason.Should().Be("provider refused the address");
    }

    [Fact]
    public void A_deposit_waits_for_its_provider_then_is_paid_without_a_withdrawal_event()
    {
        var deposit = PaymentTransaction.Deposit("d1", "u1", 20, "sandbox", Now);
        deposit.Status.Should().Be(TransactionStatus.Pending);
        deposit.Complete("p-1", Now);
        deposit.Status.Should().Be(TransactionStatus.Paid);
        deposit.TakeDomainEvents().Should().BeEmpty();
        FluentActions.Invoking(() => PaymentTransaction.Deposit("d2", "u1", 0, "sandbox", Now)).Should().Throw<TransactionRuleException>();
    }

    [Theory]
    [InlineData("held:u1:j1", "u1")]
    [InlineData("held:u1:", "u1")]
    [InlineData("available:u1", null)]
    [InlineData("platform:revenue", null)]
    [InlineData("held:", null)]
    public void A_hold_names_its_holder(string account, string? holder) => Accounts.HolderOf(account).Should().Be(holder);
}
