using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults.Auth;

namespace Platform.Api;

/// <summary>
/// Which tokens a route takes. An agent token (one that carries <c>remote_device_id</c>: a device signed in with its
/// own credentials) may call only the routes that say so; every other route answers it 403. A route that exists for
/// agents alone (heartbeat, assignment, phone number) answers a user token 400, as the reference does for route 22.
/// </summary>
public sealed record AgentTokenPolicy(bool Required)
{
    public const string AgentOnlyRoute = "Agent tokens may only call the device agent routes (heartbeat, assignment, buckets, phone number, data-dump submit); use the owner's own token for this route";
    public const string NotBoundToDevice = Platform.Application.Caller.NotBoundToDevice;
}

public static class AgentTokens
{
    /// <summary>The route takes agent tokens as well as user tokens.</summary>
    public static TBuilder AllowAgentTokens<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AgentTokenPolicy(Required: false));

    /// <summary>The route takes agent tokens only; a user token is a 400.</summary>
    public static TBuilder RequireAgentToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AgentTokenPolicy(Required: true));

    /// <summary>Answers a token the route doesn't take before the endpoint runs (after authentication; anonymous routes are left alone).</summary>
    public static IApplicationBuilder UseAgentTokenPolicy(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || context.User.Identity?.IsAuthenticated != true || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }
        var policy = endpoint.Metadata.GetMetadata<AgentTokenPolicy>();
        var isAgent = context.User.FindFirst(PlatformClaims.RemoteDeviceId) is not null;
        if (isAgent && policy is null)
            await Results.Json(new ErrorBody(AgentTokenPolicy.AgentOnlyRoute), statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
        else if (!isAgent && policy is { Required: true })
            await Results.Json(new ErrorBody(AgentTokenPolicy.NotBoundToDevice), statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
        else
            await next(context);
    });
}
