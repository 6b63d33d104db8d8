using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Application.Settlement;

namespace Payments.Api.Tests;

/// <summary>
/// Payments with Cryptomus for deposits and payouts, against <paramref name="cryptomus"/> (a fake on 127.0.0.1), on a
/// clock the test moves; the test runs the reconcile sweep itself. A call to Cryptomus that takes over a second counts as
/// no answer.
/// </summary>
public sealed class CryptomusPaymentsApi(FakeCryptomus cryptomus, TimeProvider clock) : PaymentsApi
{
    public const string CallbackUrl = "https://platform.example/api/v1/payments/webhooks/cryptomus";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Payments:DepositProvider", "cryptomus");
        builder.UseSetting("Payments:PayoutProvider", "cryptomus");
        builder.UseSetting("Payments:Cryptomus:BaseUrl", cryptomus.BaseUrl.ToString());
        builder.UseSetting("Payments:Cryptomus:MerchantId", FakeCryptomus.MerchantId);
        builder.UseSetting("Payments:Cryptomus:PaymentApiKey", FakeCryptomus.PaymentKey);
        builder.UseSetting("Payments:Cryptomus:PayoutApiKey", FakeCryptomus.PayoutKey);
        builder.UseSetting("Payments:Cryptomus:CallbackUrl", CallbackUrl);
        builder.UseSetting("Payments:Cryptomus:Timeout", "00:00:01");
        builder.UseSetting("Payments:ReconcileInterval", "1.00:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    /// <summary>Runs the reconcile sweep once; how many payments it asked Cryptomus about.</summary>
    public async Task<int> ReconcileAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReconcilePendingPayments())).Value;
    }

    public Task<HttpResponseMessage> SendWebhookAsync(JsonObject body) => CreateClient().PostAsJsonAsync("/api/v1/payments/webhooks/cryptomus", body);

    /// <summary>A deposit through an invoice: its answer (201, pending, with the invoice's page).</summary>
    public static async Task<JsonObject> DepositPendingAsync(HttpClient user, decimal amount)
    {
        var response = await DepositAsync(user, amount);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>A user who deposited <paramref name="amount"/> and paid the invoice (its webhook came).</summary>
    public async Task<(string Id, HttpClient Client)> FundedUserAsync(decimal amount)
    {
        var (id, client) = await UserWithAsync(0m);
        var deposit = await DepositPendingAsync(client, amount);
        (await SendWebhookAsync(cryptomus.PaymentWebhook(deposit["_id"]!.GetValue<string>(), "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);
        return (id, client);
    }
}

/// <summary>A test against Payments wired to <see cref="FakeCryptomus"/> (deposits and payouts), on a clock it moves.</summary>
public abstract class CryptomusTest : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    protected FakeCryptomus Cryptomus { get; private set; } = null!;
    protected CryptomusPaymentsApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cryptomus = await FakeCryptomus.StartAsync();
        Api = new CryptomusPaymentsApi(Cryptomus, Clock);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Cryptomus.DisposeAsync();
    }
}
