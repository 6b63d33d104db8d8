using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Platform.Api;
using Platform.Api.Binding;
using Platform.Application.Paging;
using Tasks.Api.Contracts;
using Tasks.Application.PlannedTasks;

namespace Tasks.Api.Endpoints;

/// <summary>Routes 12, 13 and 15: a job's planned tasks. They answer in the reference's {"success": ...} shape.</summary>
public static class PlannedTaskEndpoints
{
    public static IEndpointRouteBuilder MapPlannedTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/jobs").WithTags("Planned tasks");
        jobs.MapGet("/{job_id}/planned-tasks", List).WithName("ListPlannedTasks")
            .Produces<PlannedTaskListResponse>().Produces<SuccessErrorBody>(400).Produces<SuccessErrorBody>(404)
            .WithSummary("A job's planned tasks not yet given out, searched, sorted by when they were added, paged.");
        jobs.MapPost("/{job_id}/planned-tasks", Plan).WithName("SubmitPlannedTasks")
            .Produces<PlannedTasksCreatedResponse>().Produces<SuccessErrorBody>(400).Produces<SuccessErrorBody>(404).ProducesProblem(413)
            .WithSummary("Plan tasks for a job: one per input, at most the job's positions in all.");
        app.MapPost("/api/v1/planned-tasks/delete", Delete).WithTags("Planned tasks").WithName("DeletePlannedTasks")
            .Produces<SuccessResponse>().Produces<SuccessErrorBody>(400).Produces<SuccessErrorBody>(404)
            .WithSummary("Delete planned tasks not given out.");
        return app;
    }

    private static async Task<IResult> List([FromRoute(Name = "job_id")] string jobId, Query<PlannedTasksQuery> query, ClaimsPrincipal principal,
        ISender mediator, CancellationToken ct)
    {
        if (!query.TryRead(out var q, out var refusal, ErrorResponses.ToSuccessHttp)) return refusal;
        var list = new ListPlannedTasks(principal.ToCaller(), jobId, q.Search,
            q.SortOrder == "asc" ? SortDirection.Ascending : SortDirection.Descending, new PageRequest(q.Page ?? 1, q.Limit ?? PageRequest.DefaultLimit));
        var result = await mediator.Send(list, ct);
        if (!result.IsSuccess) return result.Error!.ToSuccessHttp();
        var (job, page) = result.Value;
        return Results.Ok(new PlannedTaskListResponse(true, new PlannedTaskListData(TaskJobResponse.From(job),
            page.Items.Select(PlannedTaskResponse.From).ToList(), page.Total, page.Page, page.Limit)));
    }

    private static async Task<IResult> Plan([FromRoute(Name = "job_id")] string jobId, Body<PlanTasksRequest> body, ClaimsPrincipal principal,
        ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal, ErrorResponses.ToSuccessHttp)) return refusal;
        var runImmediately = request.RunImmediately ?? false;
        var plan = new PlanTasks(principal.ToCaller(), jobId, request.Inputs!, request.RemoteDeviceId, request.DeviceName, runImmediately);
        var result = await mediator.Send(plan, ct);
        if (!result.IsSuccess) return result.Error!.ToSuccessHttp();
        var (planned, assigned) = result.Value;
        return Results.Ok(new PlannedTasksCreatedResponse(true,
            planned.Select(p => new InsertedPlannedTask(p.Id, p.Input)).ToList(),
            assigned is null ? null : planned.Select(p => new AssignmentResult(p.Id, assigned[p.Id])).ToList()));
    }

    private static async Task<IResult> Delete(Body<DeletePlannedTasksRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal, ErrorResponses.ToSuccessHttp)) return refusal;
        var result = await mediator.Send(new DeletePlannedTasks(principal.ToCaller(), request.PlannedTaskIds!), ct);
        return result.IsSuccess ? Results.Ok(new SuccessResponse(true)) : result.Error!.ToSuccessHttp();
    }
}
