namespace Payments.Domain.Ledger;

/// <summary>Amounts as people send them: US dollars in cents.</summary>
public static class Money
{
    public const string Currency = "USD";

    /// <summary>Whether <paramref name="amount"/> has at most two decimal places (a deposit or a withdrawal in cents).</summary>
    public static bool IsInCents(decimal amount) => decimal.Round(amount, 2) == amount;
}
