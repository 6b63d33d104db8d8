using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Payments.Application;
using Payments.Application.Ports;
using Payments.Domain.Ledger;
using Payments.Domain.Transactions;

namespace Payments.Infrastructure.Providers.Cryptomus;

/// <summary>
/// Deposits paid through Cryptomus invoices (POST /v1/payment, signed with the payment key): the deposit's id is the
/// invoice's order_id, in US dollars, so asking again for the same deposit gets the same invoice (should Cryptomus
/// refuse the repeated order id, the invoice it has is read back: POST /v1/payment/info). The user pays on the invoice's
/// page; Cryptomus' payment webhook, or the reconcile sweep asking /v1/payment/info, says whether it was paid.
/// </summary>
public sealed partial class CryptomusPaymentProvider(CryptomusClient cryptomus, CryptomusOptions options, PaymentsOptions payments,
    ILogger<CryptomusPaymentProvider> logger) : IPaymentProvider
{
    public const string InvoicePath = "/v1/payment";
    public const string InfoPath = "/v1/payment/info";

    public string Name => "cryptomus";

    public async Task<ProviderResult> CollectAsync(PaymentTransaction deposit, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["amount"] = deposit.Amount.ToString("0.00", CultureInfo.InvariantCulture),
            ["currency"] = Money.Currency,
            ["order_id"] = deposit.Id,
            ["lifetime"] = (int)payments.DepositInvoiceLifetime.TotalSeconds,
            ["is_payment_multiple"] = false,
        };
        if (options.CallbackUrl is { Length: > 0 } callback) body["url_callback"] = callback;
        if (options.ReturnUrl is { Length: > 0 } returnUrl) body["url_return"] = returnUrl;
        // A refusal of a repeated order id is no refusal of the deposit: the invoice exists, and is what it answers.
        var result = await cryptomus.CreateAsync(InvoicePath, body, options.PaymentApiKey, FromInvoice, () => CheckAsync(deposit, cancellationToken), cancellationToken);
        if (result.Status == ProviderStatus.Unanswered) LogNoAnswer(deposit.Id, result.Reason);
        return result.Status == ProviderStatus.Failed ? result with { Reason = $"Cryptomus refused the invoice: {result.Reason}" } : result;
    }

    public Task<ProviderResult> CheckAsync(PaymentTransaction deposit, CancellationToken cancellationToken) =>
        cryptomus.InfoAsync(InfoPath, deposit.Id, options.PaymentApiKey, FromInvoice, cancellationToken);

    /// <summary>An invoice as Cryptomus describes it (its answers and its payment webhooks alike).</summary>
    public static ProviderResult FromInvoice(JsonObject invoice)
    {
        var status = CryptomusClient.Text(invoice["payment_status"]) ?? CryptomusClient.Text(invoice["status"]);
        return new ProviderResult(StatusOf(status), CryptomusClient.Text(invoice["uuid"]),
            status is null ? null : $"Cryptomus: {status}", CryptomusClient.Text(invoice["url"]), CryptomusClient.Amount(invoice["amount"]),
            CryptomusClient.Text(invoice["currency"]));
    }

    /// <summary>
    /// Paid (or paid more than asked: the invoice's amount is credited), failed for good (a failure, a cancelled or expired
    /// invoice, less paid than asked, refunded), or still under way.
    /// </summary>
    public static ProviderStatus StatusOf(string? status) => status switch
    {
        "paid" or "paid_over" => ProviderStatus.Completed,
        "fail" or "cancel" or "system_fail" or "wrong_amount" or "refund_paid" => ProviderStatus.Failed,
        _ => ProviderStatus.Pending,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cryptomus gave no answer on the invoice of deposit {DepositId} ({Reason}); nothing was charged")]
    private partial void LogNoAnswer(string depositId, string? reason);
}
