using System.Globalization;
using System.Text.Json.Nodes;
using Payments.Application.Ports;
using Platform.Application.Results;

namespace Payments.Infrastructure.Providers.Cryptomus;

/// <summary>
/// Reads a Cryptomus payout webhook: its signature must be the payout API key's (<see cref="CryptomusSignature"/>), its
/// type "payout", its order_id the withdrawal's id; its status says paid, failed or still under way.
/// </summary>
public sealed class CryptomusWebhook(CryptomusOptions options, bool enabled) : IPayoutWebhookReader
{
    /// <summary>Only while payouts go through Cryptomus, with a key to check webhooks against.</summary>
    public bool IsEnabled => enabled && options.PayoutApiKey.Length > 0;

    public Result<PayoutNotice> Read(JsonObject body)
    {
        if (!CryptomusSignature.IsSignedWebhook(body, options.PayoutApiKey)) return Error.Validation("The webhook's signature is not Cryptomus'");
        var type = CryptomusPayoutProvider.Text(body["type"]);
        var orderId = CryptomusPayoutProvider.Text(body["order_id"]);
        var amountText = CryptomusPayoutProvider.Text(body["amount"]) ?? body["amount"]?.ToJsonString();
        if (type != "payout" || string.IsNullOrEmpty(orderId) ||
            !decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            return Error.Validation("A payout webhook needs type \"payout\", an order_id and an amount");
        var result = CryptomusPayoutProvider.FromStatus(CryptomusPayoutProvider.Text(body["status"]), CryptomusPayoutProvider.Text(body["uuid"]), null);
        return new PayoutNotice(orderId, result.Status, amount, result.Reference, result.Reason);
    }
}
