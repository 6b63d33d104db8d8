using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Payments.Application.Ports;

namespace Payments.Infrastructure.Providers.Cryptomus;

/// <summary>What Cryptomus answered one call: its result, a refusal (a 4xx with its message), or nothing usable.</summary>
public sealed record CryptomusAnswer(CryptomusAnswerKind Kind, JsonObject? Result = null, string? Message = null, HttpStatusCode? Status = null)
{
    public bool IsNotFound => Kind == CryptomusAnswerKind.Refused && Status == HttpStatusCode.NotFound;
}

public enum CryptomusAnswerKind
{
    /// <summary>state 0 with a result.</summary>
    Result,
    /// <summary>A 4xx: Cryptomus says no (a bad request, an order id it already has, a payment it doesn't know).</summary>
    Refused,
    /// <summary>No answer, a timeout, a 5xx, or a body that is not Cryptomus' answer: nothing can be concluded.</summary>
    Unclear,
}

/// <summary>
/// Calls Cryptomus' API as its documentation describes: a JSON body, the merchant's UUID in "merchant", and in "sign" the
/// MD5 of the base64 of the exact bytes sent followed by the key (the payment or the payout key, by the call). Each call
/// is made once: its HTTP client has no automatic retry (a repeated payout or invoice is Cryptomus' to refuse, and the
/// reconcile sweep asks again later) and carries no header of the request being served.
/// </summary>
public sealed class CryptomusClient(HttpClient http, CryptomusOptions options)
{
    public const string ClientName = "cryptomus";

    public async Task<CryptomusAnswer> PostAsync(string path, JsonObject body, string apiKey, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("merchant", options.MerchantId);
        request.Headers.Add("sign", CryptomusSignature.Sign(bytes, apiKey));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            using var response = await http.SendAsync(request, timeout.Token);
            var answer = await ReadAsync(response, timeout.Token);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode && answer?["state"] is JsonValue state && state.TryGetValue<int>(out var s) && s == 0 && answer["result"] is JsonObject result)
                return new CryptomusAnswer(CryptomusAnswerKind.Result, result, Status: response.StatusCode);
            var message = Text(answer?["message"]) ?? $"Cryptomus answered {code}";
            return code is >= 400 and < 500
                ? new CryptomusAnswer(CryptomusAnswerKind.Refused, Message: message, Status: response.StatusCode)
                : new CryptomusAnswer(CryptomusAnswerKind.Unclear, Message: message, Status: response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new CryptomusAnswer(CryptomusAnswerKind.Unclear, Message: e is OperationCanceledException ? "Cryptomus did not answer in time" : e.Message);
        }
    }

    /// <summary>
    /// Asks Cryptomus to make a payment or payout (<paramref name="path"/>, <paramref name="body"/> with its order_id).
    /// Its result is read by <paramref name="describe"/>. A refusal is believed only when Cryptomus, asked by
    /// <paramref name="check"/>, has nothing under the order id (a refused repeat of an order it has is no refusal);
    /// otherwise what it has stands. Anything unclear is no answer.
    /// </summary>
    public async Task<ProviderResult> CreateAsync(string path, JsonObject body, string apiKey, Func<JsonObject, ProviderResult> describe,
        Func<Task<ProviderResult>> check, CancellationToken cancellationToken)
    {
        var answer = await PostAsync(path, body, apiKey, cancellationToken);
        switch (answer.Kind)
        {
            case CryptomusAnswerKind.Result:
                return describe(answer.Result!);
            case CryptomusAnswerKind.Refused:
                var known = await check();
                return known.Status == ProviderStatus.NotFound ? new ProviderResult(ProviderStatus.Failed, Reason: answer.Message) : known;
            default:
                return ProviderResult.NoAnswer(answer.Message ?? "Cryptomus did not answer");
        }
    }

    /// <summary>What Cryptomus has under <paramref name="orderId"/> (<paramref name="path"/>: an info route), read by <paramref name="describe"/>; NotFound for nothing.</summary>
    public async Task<ProviderResult> InfoAsync(string path, string orderId, string apiKey, Func<JsonObject, ProviderResult> describe, CancellationToken cancellationToken)
    {
        var answer = await PostAsync(path, new JsonObject { ["order_id"] = orderId }, apiKey, cancellationToken);
        return answer.Kind switch
        {
            CryptomusAnswerKind.Result => describe(answer.Result!),
            _ when answer.IsNotFound => new ProviderResult(ProviderStatus.NotFound, Reason: answer.Message),
            _ => ProviderResult.NoAnswer(answer.Message ?? "Cryptomus did not answer"),
        };
    }

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A decimal Cryptomus sent as a string (its usual way) or a number.</summary>
    public static decimal? Amount(JsonNode? node)
    {
        var text = Text(node) ?? (node is JsonValue ? node.ToJsonString() : null);
        return decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount) ? amount : null;
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
