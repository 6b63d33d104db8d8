using System.Text.Json;
using System.Text.Json.Nodes;
using Mediator;
using Payments.Application.Settlement;
using Platform.Api;
using Platform.Application.Results;

namespace Payments.Api.Endpoints;

/// <summary>
/// The payment provider's webhook: public (the gateway forwards it without a token), trusted only for its signature.
/// Cryptomus posts each status change of a deposit's invoice and of a withdrawal's payout here: a paid invoice credits
/// its deposit, a paid or failed payout settles its withdrawal.
/// </summary>
public static class ProviderWebhookEndpoints
{
    public const string CryptomusPath = "/api/v1/payments/webhooks/cryptomus";
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapProviderWebhookEndpoints(this IEndpointRouteBuilder app)
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
        return (await mediator.Send(new RecordProviderNotice(body), ct)).ToHttp(() => Results.Ok(new { msg = "ok" }));
    }
}
