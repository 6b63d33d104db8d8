using System.Security.Claims;
using Jobs.Api.Contracts;
using Jobs.Application.Jobs;
using Jobs.Domain.Jobs;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Platform.Api;
using Platform.Api.Binding;
using Platform.Application.Paging;

namespace Jobs.Api.Endpoints;

/// <summary>Routes 5–8 and the shares: each binds its contract, sends one use case and maps the result.</summary>
public static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/jobs").WithTags("Jobs");

        jobs.MapGet("/", ListPublic).WithName("ListJobs")
            .Produces<JobListResponse>().Produces<ErrorBody>(400).WithSummary("Find jobs: active jobs with filters, sorted and paged.");
        jobs.MapGet("/mine", ListMine).WithName("ListMyJobs")
            .Produces<JobListResponse>().Produces<ErrorBody>(400).WithSummary("The caller's jobs (owned or shared).");
        jobs.MapGet("/{job_id}", Get).WithName("GetJob")
            .Produces<JobResponse>().Produces<ErrorBody>(404).WithSummary("Job details with the linked automation's schemas.");
        jobs.MapPost("/", Create).WithName("CreateJob")
            .Produces<JobCreatedResponse>(201).Produces<ErrorBody>(400).ProducesProblem(413).Produces<ErrorBody>(503)
            .WithSummary("Create a job, paid for up front: positions × (job_price + the platform fee) is held from the caller's available balance (400 when it doesn't cover it), and the job starts active.");
        jobs.MapPatch("/{job_id}/status", ChangeStatus).WithName("ChangeJobStatus")
            .Produces(204).Produces<ErrorBody>(400).Produces<ErrorBody>(403).Produces<ErrorBody>(404).Produces<ErrorBody>(503)
            .WithSummary("Set a job active or inactive. Inactive gives back what its unused positions hold; active again holds them again (400 when the owner's balance doesn't cover it).");
        jobs.MapPut("/{job_id}/shares/{user_id}", Share).WithName("ShareJob")
            .Produces(204).Produces<ErrorBody>(400).Produces<ErrorBody>(403).Produces<ErrorBody>(404).WithSummary("Share a job with a user (view or edit).");
        jobs.MapDelete("/{job_id}/shares/{user_id}", Unshare).WithName("UnshareJob")
            .Produces(204).Produces<ErrorBody>(403).Produces<ErrorBody>(404).WithSummary("Remove a share.");
        return app;
    }

    private static async Task<IResult> ListPublic(Query<ListJobsQuery> query, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!query.TryRead(out var q, out var refusal)) return refusal;
        var list = new ListPublicJobs(q.SearchTerm, q.JobCategory, q.MinPrice, q.Location, q.Featured, q.Premium, SortField(q.SortBy), Direction(q.Orientation), q.ToPage());
        return (await mediator.Send(list, ct)).ToHttp(page => ToList(page, principal.ToCaller().UserId));
    }

    private static async Task<IResult> ListMine(Query<ListMyJobsQuery> query, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!query.TryRead(out var q, out var refusal)) return refusal;
        var caller = principal.ToCaller();
        JobStatus? status = JobWireNames.TryParseStatus(q.Status, out var s) ? s : null;
        var list = new ListMyJobs(caller, status, q.Query, q.JobId, SortField(q.SortBy), Direction(q.Orientation), q.ToPage());
        return (await mediator.Send(list, ct)).ToHttp(page => ToList(page, caller.UserId));
    }

    private static async Task<IResult> Get([FromRoute(Name = "job_id")] string jobId, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        var caller = principal.ToCaller();
        return (await mediator.Send(new GetJob(caller, jobId), ct)).ToHttp(d => Results.Ok(JobResponse.From(d, caller.UserId)));
    }

    private static async Task<IResult> Create(Body<CreateJobRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal)) return refusal;
        var result = await mediator.Send(new CreateJob(principal.ToCaller(), request.ToTerms()), ct);
        return result.ToHttp(id => Results.Json(new JobCreatedResponse("Job created successfully", id), statusCode: StatusCodes.Status201Created));
    }

    private static async Task<IResult> ChangeStatus([FromRoute(Name = "job_id")] string jobId, Body<ChangeJobStatusRequest> body,
        ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal)) return refusal;
        var status = request.Status == "active" ? JobStatus.Active : JobStatus.Inactive;
        return (await mediator.Send(new ChangeJobStatus(principal.ToCaller(), jobId, status), ct)).ToHttp(Results.NoContent);
    }

    private static async Task<IResult> Share([FromRoute(Name = "job_id")] string jobId, [FromRoute(Name = "user_id")] string userId,
        Body<ShareJobRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal)) return refusal;
        return (await mediator.Send(new ShareJob(principal.ToCaller(), jobId, userId, request.ToPermission()), ct)).ToHttp(Results.NoContent);
    }

    private static async Task<IResult> Unshare([FromRoute(Name = "job_id")] string jobId, [FromRoute(Name = "user_id")] string userId,
        ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
        (await mediator.Send(new ShareJob(principal.ToCaller(), jobId, userId, null), ct)).ToHttp(Results.NoContent);

    private static IResult ToList(PagedList<Job> page, string callerId) =>
        Results.Ok(new JobListResponse(page.Items.Select(j => JobResponse.From(j, callerId)).ToList(), page.Total, page.Page, page.Limit));

    private static JobSortField SortField(string? sortBy) => sortBy switch
    {
        "job_price" => JobSortField.JobPrice,
        "title" => JobSortField.Title,
        _ => JobSortField.Added,
    };

    private static SortDirection Direction(string? orientation) => orientation == "asc" ? SortDirection.Ascending : SortDirection.Descending;
}
