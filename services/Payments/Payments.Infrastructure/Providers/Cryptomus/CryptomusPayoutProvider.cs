using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Payments.Application.Ports;
using Payments.Domain.Transactions;

namespace Payments.Infrastructure.Providers.Cryptomus;

/// <summary>
/// Withdrawals paid out by Cryptomus (POST /v1/payout, signed with the payout API key; see <see cref="CryptomusSignature"/>).
/// The withdrawal's id is the payout's order_id, so asking again for the same withdrawal can't pay it twice. Cryptomus
/// answers "process" at first: the withdrawal stays pending until its webhook says paid or failed. An answer that
/// refuses the payout fails it (the money goes back); no answer at all leaves it pending, for the webhook to settle.
/// </summary>
public sealed partial class CryptomusPayoutProvider(HttpClient http, CryptomusOptions options, ILogger<CryptomusPayoutProvider> logger) : IPayoutProvider
{
    public const string PayoutPath = "/v1/payout";

    public string Name => "cryptomus";

    public async Task<ProviderResult> PayAsync(PaymentTransaction withdrawal, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["amount"] = withdrawal.Amount.ToString("0.00", CultureInfo.InvariantCulture),
            ["currency"] = options.Currency,
            ["network"] = withdrawal.Network == WalletAddress.Tron ? options.TronNetwork : options.EvmNetwork,
            ["order_id"] = withdrawal.Id,
            ["address"] = withdrawal.WalletAddress,
            ["is_subtract"] = false,
        };
        if (options.CallbackUrl is { Length: > 0 } callback) body["url_callback"] = callback;
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());

        using var request = new HttpRequestMessage(HttpMethod.Post, PayoutPath) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("merchant", options.MerchantId);
        request.Headers.Add("sign", CryptomusSignature.Sign(bytes, options.PayoutApiKey));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var answer = await ReadAsync(response, cancellationToken);
            if (response.IsSuccessStatusCode && answer?["state"] is JsonValue state && state.TryGetValue<int>(out var code) && code == 0
                && answer["result"] is JsonObject result)
                return FromStatus(Text(result["status"]), Text(result["uuid"]), null);
            var reason = Text(answer?["message"]) ?? $"Cryptomus answered {(int)response.StatusCode}";
            if ((int)response.StatusCode is >= 400 and < 500) return new ProviderResult(ProviderStatus.Failed, null, reason);
            LogNoVerdict(withdrawal.Id, reason);
            return new ProviderResult(ProviderStatus.Pending, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogNoVerdict(withdrawal.Id, e.Message);
            return new ProviderResult(ProviderStatus.Pending, null);
        }
    }

    /// <summary>A payout status as Cryptomus names it: paid, or one of its failures, or still under way.</summary>
    public static ProviderResult FromStatus(string? status, string? reference, string? reason) => status switch
    {
        "paid" => new ProviderResult(ProviderStatus.Completed, reference),
        "fail" or "cancel" or "system_fail" => new ProviderResult(ProviderStatus.Failed, reference, reason ?? $"Cryptomus: {status}"),
        _ => new ProviderResult(ProviderStatus.Pending, reference),
    };

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cryptomus gave no verdict on withdrawal {WithdrawalId} ({Reason}); it stays pending until the webhook settles it")]
    private partial void LogNoVerdict(string withdrawalId, string reason);
}
