using System.Text.Json.Nodes;
using Payments.Application.Ports;
using Payments.Domain.Transactions;
using Platform.Application.Results;

namespace Payments.Infrastructure.Providers.Cryptomus;

/// <summary>
/// Reads a Cryptomus webhook. Its type says what it is about: "payment" (a deposit's invoice, signed with the payment
/// key) or "payout" (a withdrawal's payout, signed with the payout key), each taken only while that side goes through
/// Cryptomus. The signature must be that key's (<see cref="CryptomusSignature"/>); the order_id is the deposit's or
/// withdrawal's id; the status, amount and currency say what happened.
/// </summary>
public sealed class CryptomusWebhook(CryptomusOptions options, bool deposits, bool payouts) : IProviderWebhookReader
{
    public const string SignatureRefused = "The webhook's signature is not Cryptomus'";

    public bool IsEnabled => DepositsEnabled || PayoutsEnabled;
    private bool DepositsEnabled => deposits && options.PaymentApiKey.Length > 0;
    private bool PayoutsEnabled => payouts && options.PayoutApiKey.Length > 0;

    public Result<ProviderNotice> Read(JsonObject body)
    {
        var type = CryptomusClient.Text(body["type"]);
        (PaymentType? kind, string? key) = type switch
        {
            "payment" when DepositsEnabled => (PaymentType.Deposit, options.PaymentApiKey),
            "payout" when PayoutsEnabled => (PaymentType.Withdrawal, options.PayoutApiKey),
            _ => ((PaymentType?)null, (string?)null),
        };
        // A type this platform takes no webhooks of is checked against no key: it is refused like a forged one.
        if (kind is null || key is null || !CryptomusSignature.IsSignedWebhook(body, key)) return Error.Validation(SignatureRefused);
        var orderId = CryptomusClient.Text(body["order_id"]);
        if (string.IsNullOrEmpty(orderId) || CryptomusClient.Amount(body["amount"]) is null)
            return Error.Validation($"A {type} webhook needs an order_id and an amount");
        var result = kind == PaymentType.Deposit ? CryptomusPaymentProvider.FromInvoice(body) : CryptomusPayoutProvider.FromPayout(body);
        return new ProviderNotice(kind.Value, orderId, result);
    }
}
