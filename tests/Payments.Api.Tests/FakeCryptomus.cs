using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Payments.Infrastructure.Providers.Cryptomus;

namespace Payments.Api.Tests;

/// <summary>How the fake answers the next payout request.</summary>
public enum PayoutAnswer
{
    /// <summary>Takes the payout in "process" (a repeated order_id is refused with a 422, as Cryptomus does).</summary>
    Normal,
    /// <summary>Takes the payout, then answers only after the client has given up (the answer is lost on the way back).</summary>
    TakeThenTimeOut,
    /// <summary>Takes the payout and answers 500 (the server failed after it recorded the payout).</summary>
    TakeThenServerError,
    /// <summary>Answers 503 without taking it (the request never got in).</summary>
    ServerErrorOnly,
}

/// <summary>
/// A local stand-in for Cryptomus' API, a real HTTP server on a free port. It checks each request's merchant and
/// signature as Cryptomus documents them (MD5 of base64(body) + the payment key for invoices, the payout key for
/// payouts) and refuses a bad one with 401. Invoices (POST /v1/payment) are made once per order_id (asking again answers
/// the same invoice) and read back by /v1/payment/info; payouts (POST /v1/payout) are taken in "process", a repeated
/// order_id refused, read back by /v1/payout/info (404 for an unknown one); a test moves their status and has the fake
/// send the webhooks Cryptomus would, signed as Cryptomus signs them. It records every request it gets.
/// </summary>
public sealed class FakeCryptomus : IAsyncDisposable
{
    public const string MerchantId = "8b03432e-385b-4670-8d06-064591096795";
    public const string PaymentKey = "fake-payment-key-9876543210";
    public const string PayoutKey = "fake-payout-key-0123456789";

    /// <summary>How long the fake keeps a request waiting when it is to time out (longer than the service's timeout in the tests).</summary>
    public static readonly TimeSpan Stall = TimeSpan.FromSeconds(3);

    private readonly WebApplication _app;
    private int _refused;

    /// <summary>The payouts taken, by order_id, as sent (with the uuid and status the fake gave them).</summary>
    public ConcurrentDictionary<string, JsonObject> Payouts { get; } = new();

    /// <summary>The invoices made, by order_id, as the fake describes them.</summary>
    public ConcurrentDictionary<string, JsonObject> Invoices { get; } = new();

    /// <summary>Every request: its path, and whether it carried an Authorization header (none should).</summary>
    public ConcurrentQueue<(string Path, bool HadAuthorization)> Requests { get; } = new();

    /// <summary>Requests refused for their signature or merchant.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>When set, every payout request is answered 422 with this message (as Cryptomus refuses, say, a bad address).</summary>
    public string? RefuseWith { get; set; }

    /// <summary>What the next payout requests get, in order; once empty, <see cref="PayoutAnswer.Normal"/>.</summary>
    public ConcurrentQueue<PayoutAnswer> NextPayouts { get; } = new();

    /// <summary>When set, the next invoice request is taken and then answered too late (once).</summary>
    public bool StallNextInvoice { get; set; }

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
        app.MapPost("/v1/payout", fake.Signed(PayoutKey, fake.PayoutAsync));
        app.MapPost("/v1/payout/info", fake.Signed(PayoutKey, fake.PayoutInfoAsync));
        app.MapPost("/v1/payment", fake.Signed(PaymentKey, fake.InvoiceAsync));
        app.MapPost("/v1/payment/info", fake.Signed(PaymentKey, fake.InvoiceInfoAsync));
        await app.StartAsync();
        return fake;
    }

    public int RequestsTo(string path) => Requests.Count(r => r.Path == path);

    /// <summary>A route that records the request and checks its merchant and signature before <paramref name="handle"/> sees its body.</summary>
    private RequestDelegate Signed(string key, Func<JsonObject, Task<IResult>> handle) => async context =>
    {
        var request = context.Request;
        Requests.Enqueue((request.Path, request.Headers.Authorization.Count > 0));
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        IResult result;
        if (request.Headers["merchant"] != MerchantId || request.Headers["sign"] != CryptomusSignature.Sign(bytes, key))
        {
            Interlocked.Increment(ref _refused);
            result = Results.Json(new { state = 1, message = "Invalid Sign" }, statusCode: 401);
        }
        else
        {
            result = await handle(JsonNode.Parse(Encoding.UTF8.GetString(bytes))!.AsObject());
        }
        await result.ExecuteAsync(context);
    };

    private Task<IResult> PayoutInfoAsync(JsonObject body) => Task.FromResult(Info(Payouts, body));

    private Task<IResult> InvoiceInfoAsync(JsonObject body) => Task.FromResult(Info(Invoices, body));

    private async Task<IResult> PayoutAsync(JsonObject body)
    {
        if (RefuseWith is { } message) return Results.Json(new { state = 1, message }, statusCode: 422);
        if (!NextPayouts.TryDequeue(out var answer)) answer = PayoutAnswer.Normal;
        if (answer == PayoutAnswer.ServerErrorOnly) return Results.Json(new { state = 1, message = "Service unavailable" }, statusCode: 503);
        var orderId = body["order_id"]!.GetValue<string>();
        body["uuid"] = Guid.NewGuid().ToString();
        body["status"] = "process";
        if (!Payouts.TryAdd(orderId, body)) return Results.Json(new { state = 1, message = "Payout with this order_id already exists" }, statusCode: 422);
        switch (answer)
        {
            case PayoutAnswer.TakeThenTimeOut:
                await Task.Delay(Stall);
                break;
            case PayoutAnswer.TakeThenServerError:
                return Results.Json(new { state = 1, message = "Internal error" }, statusCode: 500);
        }
        return Results.Json(new JsonObject { ["state"] = 0, ["result"] = Describe(body) });
    }

    private async Task<IResult> InvoiceAsync(JsonObject body)
    {
        var orderId = body["order_id"]!.GetValue<string>();
        var uuid = Guid.NewGuid().ToString();
        var invoice = new JsonObject
        {
            ["uuid"] = uuid,
            ["order_id"] = orderId,
            ["amount"] = body["amount"]!.GetValue<string>(),
            ["currency"] = body["currency"]!.GetValue<string>(),
            ["url"] = $"https://pay.cryptomus.test/pay/{uuid}",
            ["payment_status"] = "check",
            ["is_final"] = false,
            ["url_callback"] = body["url_callback"]?.GetValue<string>(),
        };
        // Asking again for an order id answers the invoice made first.
        invoice = Invoices.GetOrAdd(orderId, invoice);
        if (StallNextInvoice)
        {
            StallNextInvoice = false;
            await Task.Delay(Stall);
        }
        return Results.Json(new JsonObject { ["state"] = 0, ["result"] = invoice.DeepClone() });
    }

    private IResult Info(ConcurrentDictionary<string, JsonObject> known, JsonObject body) =>
        body["order_id"]?.GetValue<string>() is { } orderId && known.TryGetValue(orderId, out var found)
            ? Results.Json(new JsonObject { ["state"] = 0, ["result"] = known == Payouts ? Describe(found) : found.DeepClone() })
            : Results.Json(new { state = 1, message = "Not found" }, statusCode: 404);

    private static JsonObject Describe(JsonObject payout)
    {
        var status = payout["status"]!.GetValue<string>();
        return new JsonObject
        {
            ["uuid"] = payout["uuid"]!.GetValue<string>(), ["amount"] = payout["amount"]!.GetValue<string>(), ["currency"] = "USDT",
            ["network"] = payout["network"]!.GetValue<string>(), ["status"] = status, ["is_final"] = status is "paid" or "fail" or "cancel" or "system_fail",
        };
    }

    /// <summary>Moves a payout to <paramref name="status"/> at the fake (what /v1/payout/info then says).</summary>
    public void SetPayoutStatus(string orderId, string status) => Payouts[orderId]["status"] = status;

    /// <summary>Moves an invoice to <paramref name="status"/> at the fake (what /v1/payment/info then says).</summary>
    public void SetInvoiceStatus(string orderId, string status) => Invoices[orderId]["payment_status"] = status;

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
        }, PayoutKey);
    }

    /// <summary>The payment webhook Cryptomus would send for the invoice of <paramref name="orderId"/> reaching <paramref name="status"/>, signed.</summary>
    public JsonObject PaymentWebhook(string orderId, string status, string? amount = null, string? currency = null, string key = PaymentKey)
    {
        var invoice = Invoices[orderId];
        return CryptomusSignature.SignWebhook(new JsonObject
        {
            ["type"] = "payment",
            ["uuid"] = invoice["uuid"]!.GetValue<string>(),
            ["order_id"] = orderId,
            ["amount"] = amount ?? invoice["amount"]!.GetValue<string>(),
            ["payment_amount"] = invoice["amount"]!.GetValue<string>(),
            ["payment_amount_usd"] = invoice["amount"]!.GetValue<string>(),
            ["merchant_amount"] = invoice["amount"]!.GetValue<string>(),
            ["commission"] = "0.00",
            ["is_final"] = status is "paid" or "paid_over" or "fail" or "cancel" or "system_fail" or "wrong_amount",
            ["status"] = status,
            ["from"] = null,
            ["wallet_address_uuid"] = null,
            ["network"] = "tron",
            ["currency"] = currency ?? invoice["currency"]!.GetValue<string>(),
            ["payer_currency"] = "USDT",
            ["additional_data"] = null,
            ["txid"] = status is "paid" or "paid_over" ? new string('b', 64) : null,
        }, key);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
