using Platform.Domain;

namespace Payments.Domain.Ledger;

/// <summary>
/// One movement of money: <see cref="Amount"/> leaves <see cref="Debit"/> and arrives in <see cref="Credit"/>.
/// <see cref="Key"/> is derived from its cause ("deposit:{id}", "withdrawal:{id}", later "task:{id}:pay"), so the same
/// cause never moves money twice however often it is handled. Postings are never changed or deleted: a reversal is a
/// posting the other way with a key of its own. Amounts are decimals (never floats), positive, with at most
/// <see cref="MaxDecimals"/> decimal places.
/// </summary>
public sealed record Posting
{
    public const int MaxDecimals = 8;

    private Posting(string key, string debit, string credit, decimal amount, string cause, DateTime at)
    {
        Key = key;
        Debit = debit;
        Credit = credit;
        Amount = amount;
        Cause = cause;
        At = at;
    }

    public string Key { get; }
    public string Debit { get; }
    public string Credit { get; }
    public decimal Amount { get; }
    /// <summary>What moved the money, in a word (deposit, withdrawal, payout, payout-return).</summary>
    public string Cause { get; }
    public DateTime At { get; }

    public static Posting Create(string key, string debit, string credit, decimal amount, string cause, DateTime at)
    {
        if (string.IsNullOrWhiteSpace(key)) throw new LedgerRuleException("A posting needs the key of its cause");
        if (debit == credit) throw new LedgerRuleException("A posting moves money between two different accounts");
        if (amount <= 0) throw new LedgerRuleException("A posting moves a positive amount");
        if (decimal.Round(amount, MaxDecimals) != amount) throw new LedgerRuleException($"A posting's amount has at most {MaxDecimals} decimal places");
        return new Posting(key, debit, credit, amount, cause, at);
    }

    /// <summary>The posting as stored, read back: its rules held when it was made.</summary>
    public static Posting Restore(string key, string debit, string credit, decimal amount, string cause, DateTime at) =>
        new(key, debit, credit, amount, cause, at);
}

/// <summary>A posting or a balance rule was broken.</summary>
public sealed class LedgerRuleException(string message) : DomainRuleException(message);
