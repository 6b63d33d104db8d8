using System.Security.Claims;
using Devices.Api.Contracts;
using Devices.Application.Devices;
using Mediator;
using Platform.Api;

namespace Devices.Api.Endpoints;

/// <summary>Routes 22 and 50: what a device's agent calls with its own token (a user token is a 400).</summary>
public static class AgentEndpoints
{
    public static IEndpointRouteBuilder MapAgentEndpoints(this IEndpointRouteBuilder app)
    {
        var agent = app.MapGroup("/api/v1/agent").WithTags("Agents").RequireAgentToken();
        agent.MapPost("/heartbeat", Heartbeat).WithName("AgentHeartbeat")
            .Produces<HeartbeatResponse>().Produces<ErrorBody>(400).Produces<ErrorBody>(404)
            .WithSummary("The device is online; it goes offline after offline_after_seconds without another heartbeat.");
        agent.MapGet("/phone-number", PhoneNumber).WithName("AgentPhoneNumber")
            .Produces<PhoneNumberResponse>().Produces<ErrorBody>(400).Produces<ErrorBody>(404)
            .WithSummary("The device's phone number once verified; null otherwise.");
        return app;
    }

    private static async Task<IResult> Heartbeat(ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
        (await mediator.Send(new RecordHeartbeat(principal.ToCaller()), ct)).ToHttp(h => Results.Ok(HeartbeatResponse.From(h)));

    private static async Task<IResult> PhoneNumber(ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
        (await mediator.Send(new GetVerifiedPhoneNumber(principal.ToCaller()), ct)).ToHttp(n => Results.Ok(new PhoneNumberResponse(n)));
}
