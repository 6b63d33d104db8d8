namespace Payments.Domain.Ledger;

/// <summary>
/// The ledger's accounts. Each user has an available account (what they may spend or withdraw) and one hold per job
/// they posted (what the job's unused positions keep); the platform has the payment provider (money that came in),
/// the payout provider (money that went out), payout clearing (withdrawals on their way out) and revenue (fees in,
/// referral bonuses out). A user's accounts never go below zero; the platform's outside-world accounts run negative by
/// what came in (their sum with every other account is always zero).
/// </summary>
public static class Accounts
{
    public const string PlatformPrefix = "platform:";
    public const string PaymentProvider = PlatformPrefix + "payment-provider";
    public const string PayoutProvider = PlatformPrefix + "payout-provider";
    public const string PayoutClearing = PlatformPrefix + "payout-clearing";
    public const string Revenue = PlatformPrefix + "revenue";

    public static string Available(string userId) => $"available:{userId}";

    public static string Held(string userId, string jobId) => $"{HeldPrefix(userId)}{jobId}";

    /// <summary>Every hold of one user's jobs starts with this.</summary>
    public static string HeldPrefix(string userId) => $"held:{userId}:";

    /// <summary>The user whose job hold <paramref name="account"/> is; null when it is not a hold.</summary>
    public static string? HolderOf(string account)
    {
        if (!account.StartsWith("held:", StringComparison.Ordinal)) return null;
        var end = account.IndexOf(':', 5);
        return end < 0 ? null : account[5..end];
    }

    /// <summary>Whether a debit may take the account below zero: only the platform's own accounts may.</summary>
    public static bool MayGoNegative(string account) => account.StartsWith(PlatformPrefix, StringComparison.Ordinal);
}
