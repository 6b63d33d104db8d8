using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Infrastructure.Providers.Cryptomus;
using Platform.Contracts.Payments;
using Platform.Testing;

namespace Payments.Api.Tests;

/// <summary>
/// Withdrawals paid out through the Cryptomus adapter, against <see cref="FakeCryptomus"/>: signed requests, a pending
/// withdrawal until the signed webhook says paid or failed, the money back on failure, a forged webhook refused.
/// </summary>
public sealed class CryptomusPayoutTests : CryptomusTest
{
    private Task<HttpResponseMessage> SendWebhookAsync(JsonObject body) => Api.SendWebhookAsync(body);

    private async Task<JsonObject> LatestTransactionAsync(HttpClient user) =>
        (await user.GetFromJsonAsync<JsonObject>("/api/v1/payments/withdrawals"))!["transactions"]!.AsArray()[0]!.AsObject();

    private async Task<(string Id, HttpClient Client, string OrderId)> WithdrawnAsync(decimal deposit, decimal amount, string address = PaymentsApi.TronAddress)
    {
        var (id, client) = await Api.FundedUserAsync(deposit);
        var response = await PaymentsApi.WithdrawAsync(client, amount, address);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var orderId = Cryptomus.Payouts.Single(p => p.Value["address"]!.GetValue<string>() == address && p.Value["amount"]!.GetValue<string>() == amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) && !_handled.Contains(p.Key)).Key;
        _handled.Add(orderId);
        return (id, client, orderId);
    }

    private readonly HashSet<string> _handled = [];

    [Fact]
    public async Task A_payout_is_sent_signed_stays_pending_and_the_signed_webhook_marks_it_paid()
    {
        var (userId, user, orderId) = await WithdrawnAsync(10m, 4m);

        var sent = Cryptomus.Payouts[orderId];
        (sent["amount"]!.GetValue<string>(), sent["currency"]!.GetValue<string>(), sent["network"]!.GetValue<string>(), sent["address"]!.GetValue<string>())
            .Should().Be(("4.00", "USDT", "TRON", PaymentsApi.TronAddress));
        sent["url_callback"]!.GetValue<string>().Should().Be("https://platform.example/api/v1/payments/webhooks/cryptomus");
        Cryptomus.Refused.Should().Be(0, "the fake checked the request's signature");
        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("pending");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((6m, 6m, 0m), "the money left as soon as the payout was asked for");

        (await SendWebhookAsync(Cryptomus.Webhook(orderId, "process"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("pending", "still under way");
        (await SendWebhookAsync(Cryptomus.Webhook(orderId, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendWebhookAsync(Cryptomus.Webhook(orderId, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK, "a repeated webhook is fine and changes nothing");

        var paid = await LatestTransactionAsync(user);
        (paid["status"]!.GetValue<string>(), paid["payment_method"]!.GetValue<string>()).Should().Be(("paid", "cryptomus"));
        (await PaymentsApi.BalanceAsync(user)).Should().Be((6m, 6m, 0m));
        (await Api.PublishedAsync<WithdrawalCompleted>(e => e.UserId == userId)).Amount.Should().Be(4m);
    }

    [Fact]
    public async Task A_failed_payout_gives_the_money_back_and_shows_failed()
    {
        var (userId, user, orderId) = await WithdrawnAsync(10m, 3m, PaymentsApi.EvmAddress);
        Cryptomus.Payouts[orderId]["network"]!.GetValue<string>().Should().Be("BSC", "an EVM address is paid on the configured EVM network");

        (await SendWebhookAsync(Cryptomus.Webhook(orderId, "fail"))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("failed");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((10m, 10m, 0m), "the failed payout's money came back");
        await Api.PublishedAsync<WithdrawalFailed>(e => e.UserId == userId);
        (await SendWebhookAsync(Cryptomus.Webhook(orderId, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("failed", "a final payout stays as it ended");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((10m, 10m, 0m));
    }

    [Fact]
    public async Task A_forged_or_tampered_webhook_is_refused_and_changes_nothing()
    {
        var (_, user, orderId) = await WithdrawnAsync(10m, 5m);

        var tampered = Cryptomus.Webhook(orderId, "fail");
        tampered["status"] = "paid";
        var unsigned = Cryptomus.Webhook(orderId, "fail");
        unsigned.Remove("sign");
        var otherKey = CryptomusSignature.SignWebhook(Cryptomus.Webhook(orderId, "fail"), "someone-elses-key");
        foreach (var forged in new[] { tampered, unsigned, otherKey })
        {
            var response = await SendWebhookAsync(forged);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("The webhook's signature is not Cryptomus'");
        }
        (await Api.CreateClient().PostAsync("/api/v1/payments/webhooks/cryptomus", new StringContent("not json", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Api.CreateClient().PostAsync("/api/v1/payments/webhooks/cryptomus", new StringContent($"{{\"pad\":\"{new string('x', 70_000)}\"}}", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await SendWebhookAsync(Cryptomus.Webhook(orderId, "paid", amount: "500.00"))).StatusCode
            .Should().Be(HttpStatusCode.BadRequest, "a signed webhook for another amount than the withdrawal's is refused");

        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("pending");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((5m, 5m, 0m));
    }

    [Fact]
    public async Task A_payoutCryptomus_refuses_fails_at_once_and_gives_the_money_back()
    {
        var (_, user) = await Api.FundedUserAsync(10m);
        Cryptomus.RefuseWith = "Not enough funds on the merchant's balance";

        var response = await PaymentsApi.WithdrawAsync(user, 2m);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>()
            .Should().Be("The payout failed: Not enough funds on the merchant's balance");
        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("failed");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((10m, 10m, 0m));
    }

    [Fact]
    public async Task A_payout_is_asked_for_once_without_the_callers_token_and_a_server_error_leaves_it_pending_until_the_sweep_sends_it_again()
    {
        var (_, user) = await Api.FundedUserAsync(10m);
        Cryptomus.NextPayouts.Enqueue(PayoutAnswer.ServerErrorOnly);

        var response = await PaymentsApi.WithdrawAsync(user, 4m);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "no answer is no failure");
        Cryptomus.RequestsTo("/v1/payout").Should().Be(1, "a payout is asked for once: the HTTP client retries nothing");
        Cryptomus.Requests.Should().NotContain(r => r.HadAuthorization, "the caller's token never leaves the platform");
        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("pending");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((6m, 6m, 0m));

        Clock.Advance(TimeSpan.FromMinutes(2));
        (await Api.ReconcileAsync()).Should().Be(1);
        Cryptomus.RequestsTo("/v1/payout/info").Should().Be(1);
        Cryptomus.RequestsTo("/v1/payout").Should().Be(2, "Cryptomus had no payout under the withdrawal's id: it is sent again, under the same id");
        var orderId = Cryptomus.Payouts.Keys.Single();
        (await SendWebhookAsync(Cryptomus.Webhook(orderId, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("paid");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((6m, 6m, 0m), "paid once, never refunded");
        await Api.ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task A_payout_whose_answer_is_lost_and_that_then_pays_is_paid_once_and_never_refunded()
    {
        var (_, user) = await Api.FundedUserAsync(10m);
        Cryptomus.NextPayouts.Enqueue(PayoutAnswer.TakeThenTimeOut);

        (await PaymentsApi.WithdrawAsync(user, 4m)).StatusCode.Should().Be(HttpStatusCode.OK);

        var orderId = Cryptomus.Payouts.Keys.Single();
        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("pending", "the request timed out: no verdict");
        Clock.Advance(TimeSpan.FromMinutes(2));
        (await Api.ReconcileAsync()).Should().Be(1);
        Cryptomus.RequestsTo("/v1/payout").Should().Be(1, "Cryptomus has the payout: it is not sent again");
        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("pending", "Cryptomus is still processing it");
        Cryptomus.SetPayoutStatus(orderId, "paid");
        Clock.Advance(TimeSpan.FromMinutes(5));
        (await Api.ReconcileAsync()).Should().Be(1);

        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("paid");
        (await SendWebhookAsync(Cryptomus.Webhook(orderId, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK, "the webhook, late, changes nothing");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((6m, 6m, 0m));
        await Api.ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task A_refusal_of_a_repeated_order_id_is_no_failure_and_the_payout_is_paid_once()
    {
        var (userId, user) = await Api.FundedUserAsync(10m);
        Cryptomus.NextPayouts.Enqueue(PayoutAnswer.TakeThenServerError);
        (await PaymentsApi.WithdrawAsync(user, 4m)).StatusCode.Should().Be(HttpStatusCode.OK, "a 500 is no verdict");
        var orderId = Cryptomus.Payouts.Keys.Single();

        // The withdrawal is resumed (a retry after a crash): its payout is asked for again under the same order id.
        await using (var scope = Api.Services.CreateAsyncScope())
        {
            var resumed = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new Payments.Application.Withdrawals.Withdraw(new Platform.Application.Caller(userId, null, null), 4m, PaymentsApi.TronAddress, orderId));
            resumed.IsSuccess.Should().BeTrue(resumed.Error?.Message);
        }

        Cryptomus.RequestsTo("/v1/payout").Should().Be(2);
        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("pending", "Cryptomus refused the repeated order id because it has the payout");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((6m, 6m, 0m), "nothing was refunded");
        (await SendWebhookAsync(Cryptomus.Webhook(orderId, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("paid");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((6m, 6m, 0m));
        await Api.ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task A_payout_reported_paid_and_then_failed_stays_paid_and_refunds_nothing()
    {
        var (_, user, orderId) = await WithdrawnAsync(10m, 4m);

        (await SendWebhookAsync(Cryptomus.Webhook(orderId, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendWebhookAsync(Cryptomus.Webhook(orderId, "fail"))).StatusCode.Should().Be(HttpStatusCode.OK);
        Cryptomus.SetPayoutStatus(orderId, "fail");
        Clock.Advance(TimeSpan.FromHours(1));
        await Api.ReconcileAsync();

        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("paid");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((6m, 6m, 0m), "a withdrawal is settled once: paid, so never refunded too");
        await Api.ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task A_payout_webhook_signed_with_the_payment_key_is_refused()
    {
        var (_, user, orderId) = await WithdrawnAsync(10m, 4m);

        var response = await SendWebhookAsync(CryptomusSignature.SignWebhook(Cryptomus.Webhook(orderId, "fail"), FakeCryptomus.PaymentKey));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await PaymentsApi.BalanceAsync(user)).Should().Be((6m, 6m, 0m));
    }
}
