using Platform.Persistence;

namespace Payments.Infrastructure.Persistence;

public sealed class PaymentTransactionDocument : Document
{
    public string UserId { get; set; } = string.Empty;
    /// <summary>"Deposit" or "Withdrawal".</summary>
    public string Type { get; set; } = string.Empty;
    public string Method { get; set; } = string.Empty;
    public decimal Amount { get; set; }
    public string? WalletAddress { get; set; }
    public string? Network { get; set; }
    /// <summary>requested, pending, paid, failed, refused.</summary>
    public string Status { get; set; } = string.Empty;
    /// <summary>Listed in the user's history (not a refused or unfinished request); indexed with the user: "{user}:{created ticks}".</summary>
    public string? ShownKey { get; set; }
    public string? Reason { get; set; }
    public string? ProviderReference { get; set; }
    public string? PaymentUrl { get; set; }
    /// <summary>While the provider has yet to settle it: when to ask again (indexed: the reconcile sweep's queue).</summary>
    public DateTime? NextCheckAt { get; set; }
    public int ProviderChecks { get; set; }
    public DateTime Created { get; set; }
    public DateTime Updated { get; set; }
    public DateTime? Processed { get; set; }
}
