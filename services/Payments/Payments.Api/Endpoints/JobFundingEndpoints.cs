using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Payments.Api.Contracts;
using Payments.Application.Funding;
using Platform.Api;
using Platform.Api.Binding;

namespace Payments.Api.Endpoints;

/// <summary>
/// Job funding, for the Jobs service only: internal routes the gateway never forwards (they are in no route list),
/// called with the employer's token, which Jobs forwards. Jobs funds a job before it saves it, and funds its unpaid
/// positions again before it switches an inactive job back on.
/// </summary>
public static class JobFundingEndpoints
{
    public const string Path = "/internal/job-funding";

    public static IEndpointRouteBuilder MapJobFundingEndpoints(this IEndpointRouteBuilder app)
    {
        var funding = app.MapGroup(Path).ExcludeFromDescription();
        funding.MapPost("/", Fund);
        funding.MapPost("/{job_id}/reopen", Reopen);
        return app;
    }

    private static async Task<IResult> Fund(Body<FundJobRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal)) return refusal;
        return (await mediator.Send(new FundJob(principal.ToCaller(), request.JobId!, request.Positions!.Value, request.JobPrice!.Value), ct))
            .ToHttp(c => Results.Ok(new JobFundingResponse(c.JobId, c.Charged, c.FeePerTask)));
    }

    private static async Task<IResult> Reopen([FromRoute(Name = "job_id")] string jobId, Body<ReopenJobFundingRequest> body, ClaimsPrincipal principal,
        ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal)) return refusal;
        return (await mediator.Send(new ReopenJobFunding(principal.ToCaller(), jobId, request.ReopenId!), ct)).ToHttp(Results.NoContent);
    }
}
