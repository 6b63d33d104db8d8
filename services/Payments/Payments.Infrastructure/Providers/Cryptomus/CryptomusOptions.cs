namespace Payments.Infrastructure.Providers.Cryptomus;

/// <summary>
/// The Cryptomus payout adapter's settings (configuration section "Payments:Cryptomus"); it is used when
/// Payments:PayoutProvider is "cryptomus".
/// </summary>
public sealed class CryptomusOptions
{
    public const string Section = "Payments:Cryptomus";

    /// <summary>The API's address (https://api.cryptomus.com in production; a fake server in tests).</summary>
    public Uri BaseUrl { get; set; } = new("https://api.cryptomus.com");

    /// <summary>The merchant's UUID, sent in the "merchant" header.</summary>
    public string MerchantId { get; set; } = string.Empty;

    /// <summary>The payout API key: signs requests, and checks the signature of payout webhooks.</summary>
    public string PayoutApiKey { get; set; } = string.Empty;

    /// <summary>Where Cryptomus posts payout status changes: the platform's public webhook route.</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>What the platform pays out in; amounts are in US dollars, converted by Cryptomus.</summary>
    public string Currency { get; set; } = "USDT";

    /// <summary>The network code of a TRON address, and of an EVM address (Cryptomus pays EVM addresses on one chain).</summary>
    public string TronNetwork { get; set; } = "TRON";
    public string EvmNetwork { get; set; } = "BSC";
}
