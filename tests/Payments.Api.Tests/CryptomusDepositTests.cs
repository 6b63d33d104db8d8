using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Payments.Infrastructure.Providers.Cryptomus;

namespace Payments.Api.Tests;

/// <summary>
/// Deposits through Cryptomus invoices, against <see cref="FakeCryptomus"/>: a deposit is pending with the invoice's page
/// until the signed payment webhook (or the reconcile sweep asking Cryptomus) says it was paid, and then credited once.
/// Forged, tampered, replayed and mismatched webhooks credit nothing; no answer charges nothing.
/// </summary>
public sealed class CryptomusDepositTests : CryptomusTest
{
    private static async Task<JsonObject> LatestAsync(HttpClient user) =>
        (await user.GetFromJsonAsync<JsonObject>("/api/v1/payments/withdrawals"))!["transactions"]!.AsArray()[0]!.AsObject();

    [Fact]
    public async Task A_deposit_is_pending_with_the_invoice_page_until_the_signed_paid_webhook_credits_it_once()
    {
        var (_, user) = await Api.UserWithAsync(0m);

        var deposit = await CryptomusPaymentsApi.DepositPendingAsync(user, 25m);

        var id = deposit["_id"]!.GetValue<string>();
        var invoice = Cryptomus.Invoices[id];
        (deposit["status"]!.GetValue<string>(), deposit["payment_method"]!.GetValue<string>()).Should().Be(("pending", "cryptomus"));
        deposit["payment_url"]!.GetValue<string>().Should().Be(invoice["url"]!.GetValue<string>());
        deposit["crypto_uuid"]!.GetValue<string>().Should().Be(invoice["uuid"]!.GetValue<string>());
        (invoice["amount"]!.GetValue<string>(), invoice["currency"]!.GetValue<string>(), invoice["url_callback"]!.GetValue<string>())
            .Should().Be(("25.00", "USD", CryptomusPaymentsApi.CallbackUrl));
        Cryptomus.Refused.Should().Be(0, "the fake checked the invoice request's signature (the payment key)");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((0m, 0m, 0m), "nothing is credited before the invoice is paid");

        (await Api.SendWebhookAsync(Cryptomus.PaymentWebhook(id, "check"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PaymentsApi.BalanceAsync(user)).Should().Be((0m, 0m, 0m), "still under way");
        (await Api.SendWebhookAsync(Cryptomus.PaymentWebhook(id, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.SendWebhookAsync(Cryptomus.PaymentWebhook(id, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK, "a replayed webhook is fine");
        (await Api.SendWebhookAsync(Cryptomus.PaymentWebhook(id, "paid_over"))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await PaymentsApi.BalanceAsync(user)).Should().Be((25m, 25m, 0m), "credited once, however often it was said");
        var shown = await LatestAsync(user);
        (shown["status"]!.GetValue<string>(), shown["payment_url"]).Should().Be(("paid", null));
        Cryptomus.Requests.Should().NotContain(r => r.HadAuthorization, "no call to the provider carries the caller's token");
        await Api.ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task A_forged_or_tampered_payment_webhook_is_refused_and_credits_nothing()
    {
        var (_, user) = await Api.UserWithAsync(0m);
        var id = (await CryptomusPaymentsApi.DepositPendingAsync(user, 10m))["_id"]!.GetValue<string>();

        var tampered = Cryptomus.PaymentWebhook(id, "cancel");
        tampered["status"] = "paid";
        var unsigned = Cryptomus.PaymentWebhook(id, "paid");
        unsigned.Remove("sign");
        var withThePayoutKey = Cryptomus.PaymentWebhook(id, "paid", key: FakeCryptomus.PayoutKey);
        var withAnotherKey = Cryptomus.PaymentWebhook(id, "paid", key: "someone-elses-key");
        var asAPayout = CryptomusSignature.SignWebhook(Cryptomus.PaymentWebhook(id, "paid").Also(w => w["type"] = "payout"), FakeCryptomus.PaymentKey);
        foreach (var forged in new[] { tampered, unsigned, withThePayoutKey, withAnotherKey, asAPayout })
        {
            var response = await Api.SendWebhookAsync(forged);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be(CryptomusWebhook.SignatureRefused);
        }

        (await PaymentsApi.BalanceAsync(user)).Should().Be((0m, 0m, 0m));
        (await LatestAsync(user))["status"]!.GetValue<string>().Should().Be("pending");
    }

    [Fact]
    public async Task A_signed_paid_webhook_for_another_amount_or_currency_than_the_invoice_is_refused_and_credits_nothing()
    {
        var (_, user) = await Api.UserWithAsync(0m);
        var id = (await CryptomusPaymentsApi.DepositPendingAsync(user, 10m))["_id"]!.GetValue<string>();

        var more = await Api.SendWebhookAsync(Cryptomus.PaymentWebhook(id, "paid", amount: "1000.00"));
        var euros = await Api.SendWebhookAsync(Cryptomus.PaymentWebhook(id, "paid", currency: "EUR"));

        more.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await more.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("The payment's amount 1000.00 is not the deposit's 10");
        euros.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await euros.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("The payment is in EUR, not the deposit's USD");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((0m, 0m, 0m));
        (await Api.SendWebhookAsync(Cryptomus.PaymentWebhook(id, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PaymentsApi.BalanceAsync(user)).Should().Be((10m, 10m, 0m), "the invoice's own notice still credits it");
    }

    [Fact]
    public async Task A_webhook_for_a_deposit_that_does_not_exist_or_for_a_withdrawal_as_a_payment_is_a_404()
    {
        var (_, user) = await Api.UserWithAsync(0m);
        var id = (await CryptomusPaymentsApi.DepositPendingAsync(user, 10m))["_id"]!.GetValue<string>();
        var unknown = Cryptomus.PaymentWebhook(id, "paid");
        unknown["order_id"] = PaymentsApi.NewId();

        (await Api.SendWebhookAsync(CryptomusSignature.SignWebhook(unknown, FakeCryptomus.PaymentKey))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await PaymentsApi.BalanceAsync(user)).Should().Be((0m, 0m, 0m));
    }

    [Fact]
    public async Task An_expired_invoice_fails_the_deposit_and_a_late_payment_on_it_is_still_credited_once()
    {
        var (_, user) = await Api.UserWithAsync(0m);
        var id = (await CryptomusPaymentsApi.DepositPendingAsync(user, 7m))["_id"]!.GetValue<string>();

        (await Api.SendWebhookAsync(Cryptomus.PaymentWebhook(id, "cancel"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var failed = await LatestAsync(user);
        (failed["status"]!.GetValue<string>(), failed["reason"]!.GetValue<string>(), failed["payment_url"]).Should().Be(("failed", "Cryptomus: cancel", null));
        (await PaymentsApi.BalanceAsync(user)).Should().Be((0m, 0m, 0m));

        (await Api.SendWebhookAsync(Cryptomus.PaymentWebhook(id, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.SendWebhookAsync(Cryptomus.PaymentWebhook(id, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await LatestAsync(user))["status"]!.GetValue<string>().Should().Be("paid", "the money came in after all");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((7m, 7m, 0m));
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_charges_nothing_and_a_retry_with_the_key_gets_the_same_invoice()
    {
        var (_, user) = await Api.UserWithAsync(0m);
        Cryptomus.StallNextInvoice = true;
        Task<HttpResponseMessage> DepositWithKey() => user.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/deposit")
        {
            Content = JsonContent.Create(new JsonObject { ["amount"] = 12m }),
            Headers = { { "Idempotency-Key", "deposit-12" } },
        });

        var first = await DepositWithKey();

        first.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, await first.Content.ReadAsStringAsync());
        (await PaymentsApi.BalanceAsync(user)).Should().Be((0m, 0m, 0m));
        var again = await DepositWithKey();
        again.StatusCode.Should().Be(HttpStatusCode.Created, "the key was free again after an answer that decided nothing");
        var deposit = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = deposit["_id"]!.GetValue<string>();
        Cryptomus.Invoices.Keys.Should().ContainSingle().Which.Should().Be(id, "the retry resumed the same deposit, and got the invoice made the first time");
        deposit["payment_url"]!.GetValue<string>().Should().Be(Cryptomus.Invoices[id]["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_paid_invoice_whose_webhook_never_came_is_credited_once_by_the_reconcile_sweep()
    {
        var (_, user) = await Api.UserWithAsync(0m);
        var id = (await CryptomusPaymentsApi.DepositPendingAsync(user, 30m))["_id"]!.GetValue<string>();
        (await Api.ReconcileAsync()).Should().Be(0, "a new invoice is given time before Cryptomus is asked about it");

        Clock.Advance(TimeSpan.FromMinutes(2));
        (await Api.ReconcileAsync()).Should().Be(1);
        (await PaymentsApi.BalanceAsync(user)).Should().Be((0m, 0m, 0m), "Cryptomus says it is not paid yet");
        Cryptomus.SetInvoiceStatus(id, "paid");
        (await Api.ReconcileAsync()).Should().Be(0, "asked again only after a longer pause");
        Clock.Advance(TimeSpan.FromMinutes(5));
        (await Api.ReconcileAsync()).Should().Be(1);
        Clock.Advance(TimeSpan.FromHours(1));
        (await Api.ReconcileAsync()).Should().Be(0, "a settled deposit is asked about no more");

        (await PaymentsApi.BalanceAsync(user)).Should().Be((30m, 30m, 0m));
        (await Api.SendWebhookAsync(Cryptomus.PaymentWebhook(id, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PaymentsApi.BalanceAsync(user)).Should().Be((30m, 30m, 0m), "the late webhook changes nothing");
        await Api.ExpectLedgerAddsUpAsync();
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject node, Action<JsonObject> change)
    {
        change(node);
        return node;
    }
}
