using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Platform.Api;
using Platform.Api.Binding;
using Tasks.Api.Contracts;
using Tasks.Application.Tasks;

namespace Tasks.Api.Endpoints;

/// <summary>Routes 9, 10, 11, 14 and 16, and the proof-file downloads: each binds its contract, sends one use case and maps the result.</summary>
public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/v1/tasks").WithTags("Tasks");
        tasks.MapPost("/apply", Apply).WithName("ApplyToJob")
            .Produces<Dictionary<string, object>>().Produces<ErrorBody>(400).Produces<ErrorBody>(403).Produces<ErrorBody>(404)
            .WithSummary("Apply to an active job: a running task, and the job variables of the planned task it was given ({} without).");
        tasks.MapGet("/", List).WithName("ListMyTasks")
            .Produces<TaskListResponse>().Produces<TaskResponse>().Produces<ErrorBody>(400).Produces<ErrorBody>(404)
            .WithSummary("The caller's recent tasks, newest first; with task_id, that one task.");
        tasks.MapPost("/submit", Submit).WithName("SubmitTask")
            .Produces<SubmittedResponse>(201).Produces<ErrorBody>(400).Produces<ErrorBody>(403).Produces<ErrorBody>(404).ProducesProblem(413)
            .WithSummary("Hand in proof (and files) for a job; a job without planned tasks needs no apply first. A running agent writes data dumps into an automation's sink job.")
            .AllowAgentTokens();
        tasks.MapDelete("/{task_id}", Delete).WithName("DeleteJobTask")
            .Produces<SuccessResponse>().Produces<SuccessErrorBody>(400).Produces<SuccessErrorBody>(403).Produces<SuccessErrorBody>(404)
            .WithSummary("Delete a failed or declined task (by its id or its planned task's id); its planned task is kept, free.");
        tasks.MapPost("/reinitiate", Reinitiate).WithName("ReinitiateTasks")
            .Produces<SuccessResponse>().Produces<SuccessErrorBody>(400).Produces<SuccessErrorBody>(403).Produces<SuccessErrorBody>(404)
            .WithSummary("Give failed or declined tasks' planned tasks out again.");
        tasks.MapGet("/{task_id}/files/{field}", DownloadProofFile).WithName("GetProofFile")
            .Produces(200, contentType: "application/octet-stream").Produces<ErrorBody>(404)
            .WithSummary("A task's proof file, for its worker and its job's owner and shares.");
        return app;
    }

    private static async Task<IResult> Apply(Body<ApplyRequest> body, HttpContext http, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal)) return refusal;
        var result = await mediator.Send(new ApplyToJob(principal.ToCaller(), request.JobId!, http.ClientIp()), ct);
        return result.ToHttp(applied => Results.Ok(AppliedResponse.From(applied)));
    }

    private static async Task<IResult> List(Query<ListTasksQuery> query, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!query.TryRead(out var q, out var refusal)) return refusal;
        if (q.TaskId is { } taskId)
            return (await mediator.Send(new GetTask(principal.ToCaller(), taskId), ct)).ToHttp(t => Results.Ok(TaskResponse.From(t)));
        var page = await mediator.Send(new ListMyTasks(principal.ToCaller(), q.ToPage()), ct);
        return page.ToHttp(p => Results.Ok(new TaskListResponse(p.Items.Select(TaskResponse.From).ToList(), p.Total, p.Page, p.Limit)));
    }

    private static async Task<IResult> Submit(Body<SubmitRequest> body, HttpContext http, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal)) return refusal;
        var submit = new SubmitTask(principal.ToCaller(), request.JobId!, request.JobProof!, request.CustomVars, request.ToUploads(), http.ClientIp(),
            TaskWire.Status(request.Status), request.ToDumpFiles());
        return (await mediator.Send(submit, ct)).ToHttp(task =>
            Results.Json(new SubmittedResponse("Job task submitted successfully", task.Id, task.JobId), statusCode: StatusCodes.Status201Created));
    }

    private static async Task<IResult> Delete([FromRoute(Name = "task_id")] string taskId, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new DeleteJobTask(principal.ToCaller(), taskId), ct);
        return result.IsSuccess ? Results.Ok(new SuccessResponse(true, "Job task deleted successfully")) : result.Error!.ToSuccessHttp();
    }

    private static async Task<IResult> Reinitiate(Body<ReinitiateRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal, ErrorResponses.ToSuccessHttp)) return refusal;
        var result = await mediator.Send(new ReinitiateTasks(principal.ToCaller(), request.AllIds()), ct);
        return result.IsSuccess ? Results.Ok(new SuccessResponse(true, "Task successfully reinitiated")) : result.Error!.ToSuccessHttp();
    }

    private static async Task<IResult> DownloadProofFile([FromRoute(Name = "task_id")] string taskId, [FromRoute] string field, HttpResponse response,
        ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new GetProofFile(principal.ToCaller(), taskId, field), ct);
        if (!result.IsSuccess) return result.Error!.ToHttp();
        var (file, content) = result.Value;
        // Served as a download, never rendered: a worker's file can't run script on the platform's origin.
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return Results.Stream(content.Content, file.MediaType, fileDownloadName: file.FileName);
    }
}
