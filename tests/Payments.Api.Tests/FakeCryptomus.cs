using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Payments.Infrastructure.Providers.Cryptomus;

namespace Payments.Api.Tests;

/// <summary>
/// A local stand-in for Cryptomus' payout API, a real HTTP server on a free port: it checks each request's merchant
/// and signature as Cryptomus documents them (MD5 of base64(body) + the payout key), refuses a bad one with 401, and
/// takes each payout in "process" (a repeated order_id is refused). It signs the webhooks a test has it send, as
/// Cryptomus signs them.
/// </summary>
public sealed class FakeCryptomus : IAsyncDisposable
{
    public const string MerchantId = "8b03432e-385b-4670-8d06-064591096795";
    public const string ApiKey = "fake-payout-key-0123456789";

    private readonly WebApplication _app;

    /// <summary>The payouts taken, by order_id, as sent.</summary>
    public ConcurrentDictionary<string, JsonObject> Payouts { get; } = new();

    private int _refused;

    /// <summary>Requests refused for their signature or merchant.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>When set, every payout request is answered 422 with this message (as Cryptomus refuses, say, a bad address).</summary>
    public string? RefuseWith { get; set; }

    public Uri BaseUrl { get; }

    private FakeCryptomus(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FakeCryptomus> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = Platform.Testing.FreePorts.Any();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var fake = new FakeCryptomus(app, new Uri($"http://127.0.0.1:{port}"));
        app.MapPost("/v1/payout", fake.PayoutAsync);
        await app.StartAsync();
        return fake;
    }

    private async Task<IResult> PayoutAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        if (request.Headers["merchant"] != MerchantId || request.Headers["sign"] != CryptomusSignature.Sign(bytes, ApiKey))
        {
            Interlocked.Increment(ref _refused);
            return Results.Json(new { state = 1, message = "Invalid Sign" }, statusCode: 401);
        }
        if (RefuseWith is { } message) return Results.Json(new { state = 1, message }, statusCode: 422);
        var body = JsonNode.Parse(Encoding.UTF8.GetString(bytes))!.AsObject();
        var orderId = body["order_id"]!.GetValue<string>();
        var uuid = Guid.NewGuid().ToString();
        body["uuid"] = uuid;
        if (!Payouts.TryAdd(orderId, body)) return Results.Json(new { state = 1, message = "Payout with this order_id already exists" }, statusCode: 422);
        return Results.Json(new
        {
            state = 0,
            result = new { uuid, amount = body["amount"]!.GetValue<string>(), currency = "USDT", network = body["network"]!.GetValue<string>(), status = "process", is_final = false },
        });
    }

    /// <summary>The webhook Cryptomus would send for the payout of <paramref name="orderId"/> reaching <paramref name="status"/>, signed.</summary>
    public JsonObject Webhook(string orderId, string status, string? amount = null)
    {
        var payout = Payouts[orderId];
        return CryptomusSignature.SignWebhook(new JsonObject
        {
            ["type"] = "payout",
            ["uuid"] = payout["uuid"]!.GetValue<string>(),
            ["order_id"] = orderId,
            ["amount"] = amount ?? payout["amount"]!.GetValue<string>(),
            ["merchant_amount"] = payout["amount"]!.GetValue<string>(),
            ["commission"] = "0.00",
            ["is_final"] = status is "paid" or "fail" or "cancel" or "system_fail",
            ["status"] = status,
            ["txid"] = status == "paid" ? "0x" + new string('a', 64) : null,
            ["currency"] = "USDT",
            ["network"] = payout["network"]!.GetValue<string>(),
            ["payer_currency"] = "USDT",
            ["payer_amount"] = payout["amount"]!.GetValue<string>(),
        }, ApiKey);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
