using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Payments.Application.Ports;
using Payments.Domain.Transactions;

namespace Payments.Infrastructure.Providers.Cryptomus;

/// <summary>
/// Withdrawals paid out by Cryptomus (POST /v1/payout, signed with the payout key). The withdrawal's id is the payout's
/// order_id, so asking again for the same withdrawal can't pay it twice. Cryptomus answers "process" at first: the
/// withdrawal stays pending until its webhook (or the reconcile sweep asking /v1/payout/info) says paid or failed.
/// A refusal is believed only once Cryptomus confirms it has no payout under that order id (a refusal of a repeated
/// order id means the first request got through); no answer, a timeout or a server error is no verdict at all.
/// </summary>
public sealed partial class CryptomusPayoutProvider(CryptomusClient cryptomus, CryptomusOptions options, ILogger<CryptomusPayoutProvider> logger) : IPayoutProvider
{
    public const string PayoutPath = "/v1/payout";
    public const string InfoPath = "/v1/payout/info";

    public string Name => "cryptomus";

    public async Task<ProviderResult> PayAsync(PaymentTransaction withdrawal, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["amount"] = withdrawal.Amount.ToString("0.00", CultureInfo.InvariantCulture),
            ["currency"] = options.Currency,
            ["network"] = withdrawal.Network == WalletAddress.Tron ? options.TronNetwork : options.EvmNetwork,
            ["order_id"] = withdrawal.Id,
            ["address"] = withdrawal.WalletAddress,
            ["is_subtract"] = false,
        };
        if (options.CallbackUrl is { Length: > 0 } callback) body["url_callback"] = callback;
        var result = await cryptomus.CreateAsync(PayoutPath, body, options.PayoutApiKey, FromPayout, () => CheckAsync(withdrawal, cancellationToken), cancellationToken);
        if (result.Status is ProviderStatus.Unanswered or ProviderStatus.Pending) LogNoVerdict(withdrawal.Id, result.Reason);
        return result;
    }

    public Task<ProviderResult> CheckAsync(PaymentTransaction withdrawal, CancellationToken cancellationToken) =>
        cryptomus.InfoAsync(InfoPath, withdrawal.Id, options.PayoutApiKey, FromPayout, cancellationToken);

    /// <summary>A payout as Cryptomus describes it (its answers and its payout webhooks alike).</summary>
    public static ProviderResult FromPayout(JsonObject payout)
    {
        var status = CryptomusClient.Text(payout["status"]);
        var result = status switch
        {
            "paid" => ProviderStatus.Completed,
            "fail" or "cancel" or "system_fail" => ProviderStatus.Failed,
            _ => ProviderStatus.Pending,
        };
        return new ProviderResult(result, CryptomusClient.Text(payout["uuid"]), $"Cryptomus: {status}", Amount: CryptomusClient.Amount(payout["amount"]));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cryptomus gave no verdict on withdrawal {WithdrawalId} yet ({Reason}); it stays pending until the webhook or the reconcile sweep settles it")]
    private partial void LogNoVerdict(string withdrawalId, string? reason);

}
