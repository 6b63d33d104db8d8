using System.Security.Claims;
using Identity.Application.Devices;
using Identity.Application.Users;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Platform.Api;

namespace Identity.Api.Endpoints;

/// <summary>
/// Routes 67 and 68: credentials have a life cycle. An API client rotates its own secret; a phone's owner rotates or
/// revokes the phone's secret. Each new secret is shown this once; the old one stops working at once.
/// </summary>
public static class CredentialEndpoints
{
    public static IEndpointRouteBuilder MapCredentialEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/secret", RotateClientSecret).WithTags("Auth").WithName("RotateClientSecret")
            .Produces<ClientSecretResponse>().Produces<ErrorBody>(StatusCodes.Status404NotFound)
            .WithSummary("A new secret for the API client the caller's token was issued to, shown this once; the old one stops working at once.");
        var device = app.MapGroup("/api/v1/devices/{remote_device_id}/secret").WithTags("Devices");
        device.MapPost("/", RotateDeviceSecret).WithName("RotateDeviceSecret")
            .Produces<DeviceSecretResponse>().Produces<ErrorBody>(StatusCodes.Status404NotFound)
            .WithSummary("The owner issues the phone a new device_secret, shown this once; the old one stops working at once.");
        device.MapDelete("/", RevokeDeviceSecret).WithName("RevokeDeviceSecret")
            .Produces(StatusCodes.Status204NoContent).Produces<ErrorBody>(StatusCodes.Status404NotFound)
            .WithSummary("The owner revokes the phone's secret: it can't sign in until a new one is issued; its tokens run out within their lifetime.");
        return app;
    }

    private static async Task<IResult> RotateClientSecret(ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
        (await mediator.Send(new RotateClientSecret(principal.ToCaller().UserId, principal.FindFirst("client_id")?.Value ?? string.Empty), ct))
        .ToHttp(r => Results.Ok(new ClientSecretResponse(r.ClientId, r.Secret)));

    private static async Task<IResult> RotateDeviceSecret([FromRoute(Name = "remote_device_id")] string deviceId, ClaimsPrincipal principal, ISender mediator,
        CancellationToken ct) =>
        (await mediator.Send(new ChangeDeviceSecret(principal.ToCaller().UserId, deviceId, Revoke: false), ct))
        .ToHttp(secret => Results.Ok(new DeviceSecretResponse(deviceId, secret!)));

    private static async Task<IResult> RevokeDeviceSecret([FromRoute(Name = "remote_device_id")] string deviceId, ClaimsPrincipal principal, ISender mediator,
        CancellationToken ct) =>
        (await mediator.Send(new ChangeDeviceSecret(principal.ToCaller().UserId, deviceId, Revoke: true), ct)).ToHttp(_ => Results.NoContent());
}

/// <summary>Route 67's answer.</summary>
public sealed record ClientSecretResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("client_id")] string ClientId,
    [property: System.Text.Json.Serialization.JsonPropertyName("client_secret")] string ClientSecret);

/// <summary>Route 68's answer to POST.</summary>
public sealed record DeviceSecretResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("remote_device_id")] string RemoteDeviceId,
    [property: System.Text.Json.Serialization.JsonPropertyName("device_secret")] string DeviceSecret);
