namespace Payments.Infrastructure.Providers.Cryptomus;

/// <summary>
/// The Cryptomus adapters' settings (configuration section "Payments:Cryptomus"): invoices for deposits when
/// Payments:DepositProvider is "cryptomus", payouts for withdrawals when Payments:PayoutProvider is. Cryptomus gives a
/// merchant two API keys: the payment key signs invoice requests and payment webhooks, the payout key payout requests
/// and payout webhooks.
/// </summary>
public sealed class CryptomusOptions
{
    public const string Section = "Payments:Cryptomus";

    /// <summary>The API's address (https://api.cryptomus.com in production; a fake server in tests).</summary>
    public Uri BaseUrl { get; set; } = new("https://api.cryptomus.com");

    /// <summary>The merchant's UUID, sent in the "merchant" header.</summary>
    public string MerchantId { get; set; } = string.Empty;

    /// <summary>The payment API key: signs invoice requests, and checks the signature of payment webhooks.</summary>
    public string PaymentApiKey { get; set; } = string.Empty;

    /// <summary>The payout API key: signs payout requests, and checks the signature of payout webhooks.</summary>
    public string PayoutApiKey { get; set; } = string.Empty;

    /// <summary>Where Cryptomus posts status changes (payments and payouts alike): the platform's public webhook route.</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>Where the payer's browser goes back to from the invoice page, if anywhere.</summary>
    public string? ReturnUrl { get; set; }

    /// <summary>What the platform pays out in; amounts are in US dollars, converted by Cryptomus.</summary>
    public string Currency { get; set; } = "USDT";

    /// <summary>The network code of a TRON address, and of an EVM address (Cryptomus pays EVM addresses on one chain).</summary>
    public string TronNetwork { get; set; } = "TRON";
    public string EvmNetwork { get; set; } = "BSC";

    /// <summary>How long a call may take before its answer counts as none (the payment then stays as it was).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}
