using System.Text.Json;
using System.Text.Json.Nodes;
using Mediator;
using Payments.Application.Withdrawals;
using Platform.Api;
using Platform.Application.Results;

namespace Payments.Api.Endpoints;

/// <summary>
/// The payout provider's webhook: public (the gateway forwards it without a token), trusted only for its signature.
/// Cryptomus posts each payout status change here; a paid or failed payout settles its withdrawal.
/// </summary>
public static class PayoutWebhookEndpoints
{
    public const string CryptomusPath = "/api/v1/payments/webhooks/cryptomus";
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPayoutWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(CryptomusPath, Cryptomus).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Cryptomus(HttpRequest request, ISender mediator, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return Error.TooLarge($"A webhook is at most {MaxBodyBytes} bytes").ToHttp();
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null) return Error.Validation("The webhook's body is not a JSON object").ToHttp();
        return (await mediator.Send(new RecordPayoutOutcome(body), ct)).ToHttp(() => Results.Ok(new { msg = "ok" }));
    }
}
