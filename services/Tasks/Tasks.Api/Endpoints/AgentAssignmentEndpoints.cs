using System.Security.Claims;
using Mediator;
using Platform.Api;
using Platform.Api.Binding;
using Tasks.Api.Contracts;
using Tasks.Application.Agents;
using Tasks.Domain.Tasks;

namespace Tasks.Api.Endpoints;

/// <summary>Routes 51 and 52: a device's agent polls for its work and reports the outcome (agent tokens only; a user token is a 400).</summary>
public static class AgentAssignmentEndpoints
{
    public static IEndpointRouteBuilder MapAgentAssignmentEndpoints(this IEndpointRouteBuilder app)
    {
        var agent = app.MapGroup("/api/v1/agent/assignment").WithTags("Agents").RequireAgentToken();
        agent.MapGet("", Get).WithName("GetAssignment")
            .Produces<AssignmentResponse>().Produces(204).Produces<ErrorBody>(400).Produces<ErrorBody>(404).Produces<ErrorBody>(503)
            .WithSummary("The device's running task (assigned now if one waits for it) with its input, job variables, automation parameters and a task-scoped token; 204 when there is none.");
        agent.MapPost("/complete", Complete).WithName("CompleteAssignment")
            .Produces<CompleteAssignmentResponse>().Produces<ErrorBody>(400).Produces<ErrorBody>(403).Produces<ErrorBody>(404).Produces<ErrorBody>(409)
            .WithSummary("With the task-scoped token: the running task's outcome, pending (with job_proof, for review) or failed (with failureReason).");
        return app;
    }

    private static async Task<IResult> Get(ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
        (await mediator.Send(new GetAssignment(principal.ToCaller()), ct))
        .ToHttp(a => a is null ? Results.NoContent() : Results.Ok(AssignmentResponse.From(a)));

    private static async Task<IResult> Complete(Body<CompleteAssignmentRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var r, out var refusal)) return refusal;
        // The reader let only "pending" or "failed" through.
        var outcome = JobTaskStatusWords.TryParseWord(r.Status, out var parsed) ? parsed : JobTaskStatus.Pending;
        return (await mediator.Send(new CompleteAssignment(principal.ToCaller(), outcome, r.JobProof, r.FailureReason), ct))
            .ToHttp(t => Results.Ok(new CompleteAssignmentResponse(true, t.Id, t.Status.ToWord())));
    }
}
