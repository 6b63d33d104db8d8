using System.Security.Claims;
using Identity.Api.Contracts;
using Identity.Application.Tokens;
using Mediator;
using Platform.Api;
using Platform.Api.Binding;

namespace Identity.Api.Endpoints;

/// <summary>
/// Task-scoped agent tokens, for the Tasks service only: an internal route the gateway never forwards, called with the
/// agent's own token, which Tasks forwards when it hands the agent its assignment.
/// </summary>
public static class AgentTokenEndpoints
{
    public const string Path = "/internal/agent-tokens";

    public static IEndpointRouteBuilder MapAgentTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, Issue).ExcludeFromDescription().RequireAgentToken();
        return app;
    }

    private static async Task<IResult> Issue(Body<TaskTokenRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal)) return refusal;
        return (await mediator.Send(new IssueTaskToken(principal.ToCaller(), request.JobTaskId!), ct))
            .ToHttp(t => Results.Ok(new TokenResponse(t.Token, "Bearer", t.ExpiresInSeconds)));
    }
}
