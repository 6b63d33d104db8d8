using System.Security.Claims;
using System.Text.Json;
using Jobs.Api.Contracts;
using Jobs.Application.Jobs;
using Jobs.Application.Ports;
using Jobs.Domain.Jobs;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Platform.Application.Paging;
using Platform.Application.Results;
using Platform.ServiceDefaults.Auth;
using Platform.Api;

namespace Jobs.Api.Endpoints;

public static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/jobs").WithTags("Jobs");

        jobs.MapGet("/", ListPublic).Produces<JobListResponse>().Produces<ErrorBody>(400).WithSummary("Find jobs: active jobs with filters, sorted and paged.");
        jobs.MapGet("/mine", ListMine).Produces<JobListResponse>().Produces<ErrorBody>(400).WithSummary("The caller's jobs (owned or shared).");
        jobs.MapGet("/{job_id}", Get).Produces<JobResponse>().Produces<ErrorBody>(404).WithSummary("Job details with the linked automation's schemas.");
        jobs.MapPost("/", Create).Accepts<CreateJobRequest>("application/json")
            .Produces<JobCreatedResponse>(201).Produces<ErrorBody>(400).ProducesProblem(413).WithSummary("Create a job (starts active).");
        jobs.MapPatch("/{job_id}/status", ChangeStatus).Accepts<ChangeJobStatusRequest>("application/json")
            .Produces(204).Produces<ErrorBody>(400).Produces<ErrorBody>(403).Produces<ErrorBody>(404).WithSummary("Set a job active or inactive.");
        jobs.MapPut("/{job_id}/shares/{user_id}", Share).Accepts<ShareJobRequest>("application/json")
            .Produces(204).Produces<ErrorBody>(400).Produces<ErrorBody>(403).Produces<ErrorBody>(404).WithSummary("Share a job with a user (view or edit).");
        jobs.MapDelete("/{job_id}/shares/{user_id}", Unshare)
            .Produces(204).Produces<ErrorBody>(403).Produces<ErrorBody>(404).WithSummary("Remove a share.");
        return app;
    }

    private static async Task<IResult> ListPublic(HttpRequest request, ClaimsPrincipal principal, IMediator mediator, CancellationToken ct)
    {
        var q = request.Query;
        var values = new QueryValues();
        var page = values.Page(q["page"], q["limit"]);
        var search = ReadSort(values, q["SortBY"], q["orientation"]) with
        {
            Text = NullIfEmpty(q["searchTerm"]),
            Category = ReadCategory(values, q["job_category"]),
            MinPrice = values.Number("min_price", q["min_price"]),
            Location = ReadLocation(values, q["location"]),
            Featured = values.Boolean("Featured", q["Featured"]),
            Premium = values.Boolean("Premium", q["Premium"]),
        };
        if (!values.IsValid) return Error.Validation(values.Errors).ToHttp();
        return (await mediator.Send(new ListPublicJobs(search, page), ct)).ToHttp(p => ToList(p, principal.ToCaller().UserId));
    }

    private static async Task<IResult> ListMine(HttpRequest request, ClaimsPrincipal principal, IMediator mediator, CancellationToken ct)
    {
        var q = request.Query;
        var values = new QueryValues();
        var page = values.Page(q["page"], q["limit"]);
        var status = values.OneOf("status", q["status"], "active", "inactive", "completed", "expired");
        var jobId = NullIfEmpty(q["job_id"]);
        var search = ReadSort(values, q["SortBY"], q["orientation"]) with
        {
            Text = NullIfEmpty(q["Query"]),
            Status = JobWireNames.TryParseStatus(status, out var s) ? s : null,
            JobId = jobId?.ToLowerInvariant(),
        };
        if (!values.IsValid) return Error.Validation(values.Errors).ToHttp();
        return (await mediator.Send(new ListMyJobs(principal.ToCaller(), search, page), ct)).ToHttp(p => ToList(p, principal.ToCaller().UserId));
    }

    private static async Task<IResult> Get([FromRoute(Name = "job_id")] string jobId, ClaimsPrincipal principal, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new GetJob(principal.ToCaller(), jobId), ct)).ToHttp(d => Results.Ok(JobResponse.From(d, principal.ToCaller().UserId)));

    private static async Task<IResult> Create([FromBody] JsonElement? body, ClaimsPrincipal principal, IMediator mediator, CancellationToken ct)
    {
        var (terms, errors) = CreateJobRequest.Read(body);
        if (terms is null) return Error.Validation(errors).ToHttp();
        var result = await mediator.Send(new CreateJob(principal.ToCaller(), terms), ct);
        return result.ToHttp(id => Results.Json(new JobCreatedResponse("Job created successfully", id), statusCode: StatusCodes.Status201Created));
    }

    private static async Task<IResult> ChangeStatus([FromRoute(Name = "job_id")] string jobId, [FromBody] JsonElement? body,
        ClaimsPrincipal principal, IMediator mediator, CancellationToken ct)
    {
        var status = JsonBody.SingleString(body, "status", out var errors);
        if (status is null) return Error.Validation(errors).ToHttp();
        if (!JobWireNames.TryParseStatus(status, out var parsed)) return Error.Validation("status must be active or inactive").ToHttp();
        return (await mediator.Send(new ChangeJobStatus(principal.ToCaller(), jobId, parsed), ct)).ToHttp(Results.NoContent);
    }

    private static async Task<IResult> Share([FromRoute(Name = "job_id")] string jobId, [FromRoute(Name = "user_id")] string userId,
        [FromBody] JsonElement? body, ClaimsPrincipal principal, IMediator mediator, CancellationToken ct)
    {
        var permission = JsonBody.SingleString(body, "permission", out var errors);
        if (permission is null) return Error.Validation(errors).ToHttp();
        SharePermission? parsed = permission switch
        {
            "view" or "shared_view" => SharePermission.View,
            "edit" or "shared_edit" => SharePermission.Edit,
            _ => null,
        };
        if (parsed is null) return Error.Validation("permission must be view or edit").ToHttp();
        return (await mediator.Send(new ShareJob(principal.ToCaller(), jobId, userId, parsed), ct)).ToHttp(Results.NoContent);
    }

    private static async Task<IResult> Unshare([FromRoute(Name = "job_id")] string jobId, [FromRoute(Name = "user_id")] string userId,
        ClaimsPrincipal principal, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new ShareJob(principal.ToCaller(), jobId, userId, null), ct)).ToHttp(Results.NoContent);

    private static IResult ToList(PagedList<Job> page, string callerId) =>
        Results.Ok(new JobListResponse(page.Items.Select(j => JobResponse.From(j, callerId)).ToList(), page.Total, page.Page, page.Limit));

    private static JobSearch ReadSort(QueryValues values, string? sortBy, string? orientation) => new(
        SortBy: values.OneOf("SortBY", sortBy, "added", "job_price", "title") switch
        {
            "job_price" => JobSortField.JobPrice,
            "title" => JobSortField.Title,
            _ => JobSortField.Added,
        },
        Direction: values.Orientation(orientation, SortDirection.Descending));

    private static string? ReadCategory(QueryValues values, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var category = JobRules.CanonicalCategory(raw);
        if (category is null) values.OneOf("job_category", raw, [.. JobRules.Categories]);
        return category;
    }

    private static string? ReadLocation(QueryValues values, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (string.Equals(raw, JobRules.Worldwide, StringComparison.OrdinalIgnoreCase)) return JobRules.Worldwide;
        if (Platform.Application.Countries.CountryCodes.IsValid(raw)) return raw.ToUpperInvariant();
        values.OneOf("location", raw, "an ISO 3166 alpha-2 country code", JobRules.Worldwide);
        return null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
