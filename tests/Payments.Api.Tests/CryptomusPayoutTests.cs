using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Payments.Infrastructure.Providers.Cryptomus;
using Platform.Contracts.Payments;
using Platform.Testing;

namespace Payments.Api.Tests;

/// <summary>
/// Withdrawals paid out through the Cryptomus adapter, against <see cref="FakeCryptomus"/>: signed requests, a pending
/// withdrawal until the signed webhook says paid or failed, the money back on failure, a forged webhook refused.
/// </summary>
public sealed class CryptomusPayoutTests : IAsyncLifetime
{
    private FakeCryptomus _cryptomus = null!;
    private CryptomusPaymentsApi _api = null!;

    public async Task InitializeAsync()
    {
        _cryptomus = await FakeCryptomus.StartAsync();
        _api = new CryptomusPaymentsApi(_cryptomus.BaseUrl, FakeCryptomus.ApiKey);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _cryptomus.DisposeAsync();
    }

    private sealed class CryptomusPaymentsApi(Uri baseUrl, string apiKey) : PaymentsApi
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Payments:PayoutProvider", "cryptomus");
            builder.UseSetting("Payments:Cryptomus:BaseUrl", baseUrl.ToString());
            builder.UseSetting("Payments:Cryptomus:MerchantId", FakeCryptomus.MerchantId);
            builder.UseSetting("Payments:Cryptomus:PayoutApiKey", apiKey);
            builder.UseSetting("Payments:Cryptomus:CallbackUrl", "https://platform.example/api/v1/payments/webhooks/cryptomus");
        }
    }

    private Task<HttpResponseMessage> SendWebhookAsync(JsonObject body) =>
        _api.CreateClient().PostAsJsonAsync("/api/v1/payments/webhooks/cryptomus", body);

    private async Task<JsonObject> LatestTransactionAsync(HttpClient user) =>
        (await user.GetFromJsonAsync<JsonObject>("/api/v1/payments/withdrawals"))!["transactions"]!.AsArray()[0]!.AsObject();

    private async Task<(string Id, HttpClient Client, string OrderId)> WithdrawnAsync(decimal deposit, decimal amount, string address = PaymentsApi.TronAddress)
    {
        var (id, client) = await _api.UserWithAsync(deposit);
        var response = await PaymentsApi.WithdrawAsync(client, amount, address);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var orderId = _cryptomus.Payouts.Single(p => p.Value["address"]!.GetValue<string>() == address && p.Value["amount"]!.GetValue<string>() == amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) && !_handled.Contains(p.Key)).Key;
        _handled.Add(orderId);
        return (id, client, orderId);
    }

    private readonly HashSet<string> _handled = [];

    [Fact]
    public async Task A_payout_is_sent_signed_stays_pending_and_the_signed_webhook_marks_it_paid()
    {
        var (userId, user, orderId) = await WithdrawnAsync(10m, 4m);

        var sent = _cryptomus.Payouts[orderId];
        (sent["amount"]!.GetValue<string>(), sent["currency"]!.GetValue<string>(), sent["network"]!.GetValue<string>(), sent["address"]!.GetValue<string>())
            .Should().Be(("4.00", "USDT", "TRON", PaymentsApi.TronAddress));
        sent["url_callback"]!.GetValue<string>().Should().Be("https://platform.example/api/v1/payments/webhooks/cryptomus");
        _cryptomus.Refused.Should().Be(0, "the fake checked the request's signature");
        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("pending");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((6m, 6m, 0m), "the money left as soon as the payout was asked for");

        (await SendWebhookAsync(_cryptomus.Webhook(orderId, "process"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("pending", "still under way");
        (await SendWebhookAsync(_cryptomus.Webhook(orderId, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendWebhookAsync(_cryptomus.Webhook(orderId, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK, "a repeated webhook is fine and changes nothing");

        var paid = await LatestTransactionAsync(user);
        (paid["status"]!.GetValue<string>(), paid["payment_method"]!.GetValue<string>()).Should().Be(("paid", "cryptomus"));
        (await PaymentsApi.BalanceAsync(user)).Should().Be((6m, 6m, 0m));
        (await _api.PublishedAsync<WithdrawalCompleted>(e => e.UserId == userId)).Amount.Should().Be(4m);
    }

    [Fact]
    public async Task A_failed_payout_gives_the_money_back_and_shows_failed()
    {
        var (userId, user, orderId) = await WithdrawnAsync(10m, 3m, PaymentsApi.EvmAddress);
        _cryptomus.Payouts[orderId]["network"]!.GetValue<string>().Should().Be("BSC", "an EVM address is paid on the configured EVM network");

        (await SendWebhookAsync(_cryptomus.Webhook(orderId, "fail"))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("failed");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((10m, 10m, 0m), "the failed payout's money came back");
        await _api.PublishedAsync<WithdrawalFailed>(e => e.UserId == userId);
        (await SendWebhookAsync(_cryptomus.Webhook(orderId, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("failed", "a final payout stays as it ended");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((10m, 10m, 0m));
    }

    [Fact]
    public async Task A_forged_or_tampered_webhook_is_refused_and_changes_nothing()
    {
        var (_, user, orderId) = await WithdrawnAsync(10m, 5m);

        var tampered = _cryptomus.Webhook(orderId, "fail");
        tampered["status"] = "paid";
        var unsigned = _cryptomus.Webhook(orderId, "fail");
        unsigned.Remove("sign");
        var otherKey = CryptomusSignature.SignWebhook(_cryptomus.Webhook(orderId, "fail"), "someone-elses-key");
        foreach (var forged in new[] { tampered, unsigned, otherKey })
        {
            var response = await SendWebhookAsync(forged);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("The webhook's signature is not Cryptomus'");
        }
        (await _api.CreateClient().PostAsync("/api/v1/payments/webhooks/cryptomus", new StringContent("not json", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _api.CreateClient().PostAsync("/api/v1/payments/webhooks/cryptomus", new StringContent($"{{\"pad\":\"{new string('x', 70_000)}\"}}", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await SendWebhookAsync(_cryptomus.Webhook(orderId, "paid", amount: "500.00"))).StatusCode
            .Should().Be(HttpStatusCode.BadRequest, "a signed webhook for another amount than the withdrawal's is refused");

        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("pending");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((5m, 5m, 0m));
    }

    [Fact]
    public async Task A_payout_cryptomus_refuses_fails_at_once_and_gives_the_money_back()
    {
        var (_, user) = await _api.UserWithAsync(10m);
        _cryptomus.RefuseWith = "Not enough funds on the merchant's balance";

        var response = await PaymentsApi.WithdrawAsync(user, 2m);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>()
            .Should().Be("The payout failed: Not enough funds on the merchant's balance");
        (await LatestTransactionAsync(user))["status"]!.GetValue<string>().Should().Be("failed");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((10m, 10m, 0m));
    }
}
