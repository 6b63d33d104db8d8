using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Platform.Api;
using Platform.Api.Binding;
using Platform.Application.Paging;
using Tasks.Api.Contracts;
using Tasks.Application.Ports;
using Tasks.Application.Tasks;

namespace Tasks.Api.Endpoints;

/// <summary>Routes 1, 2 and 4: the employer's side of a job's tasks.</summary>
public static class ApplicantEndpoints
{
    public static IEndpointRouteBuilder MapApplicantEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/jobs").WithTags("Job tasks");
        jobs.MapGet("/{job_id}/applicants", Applicants).WithName("ListApplicants")
            .Produces<ApplicantsResponse>().Produces<ErrorBody>(400).Produces<ErrorBody>(404)
            .WithSummary("A job's tasks with their workers and proof, filtered, sorted and paged, and the job's counts by status.");
        jobs.MapPost("/tasks/status", Review).WithName("UpdateTaskStatuses")
            .Produces<IReadOnlyList<TaskResponse>>().Produces<ErrorBody>(400).Produces<ErrorBody>(403).Produces<ErrorBody>(404)
            .WithSummary("Set the status of some of a job's tasks (confirmed, declined, notcomplete, pending) with a comment.");
        jobs.MapGet("/proof-unique", ProofUnique).WithName("CheckProofUnique")
            .Produces<bool>().Produces<ErrorBody>(400)
            .WithSummary("Whether no task of your jobs has this term in its proof (whole word, or anywhere).");
        return app;
    }

    private static async Task<IResult> Applicants([FromRoute(Name = "job_id")] string jobId, Query<ApplicantsQuery> query, ClaimsPrincipal principal,
        ISender mediator, CancellationToken ct)
    {
        if (!query.TryRead(out var q, out var refusal)) return refusal;
        var sort = q.SortBy switch
        {
            "updated" => TaskSortField.Updated,
            "status" => TaskSortField.Status,
            "worker_name" => TaskSortField.WorkerName,
            _ => TaskSortField.Added,
        };
        var list = new ListApplicants(principal.ToCaller(), jobId, q.TaskId, TaskWire.Status(q.Status), q.HoursAgo, q.Search, sort,
            q.Order == "asc" ? SortDirection.Ascending : SortDirection.Descending, q.ToPage());
        return (await mediator.Send(list, ct)).ToHttp(a => Results.Ok(ApplicantsResponse.From(a)));
    }

    private static async Task<IResult> Review(Body<ReviewRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal)) return refusal;
        var review = new ReviewTasks(principal.ToCaller(), request.JobId!, request.JobTasksIds!, TaskWire.Status(request.Status)!.Value, request.Comment);
        return (await mediator.Send(review, ct)).ToHttp(tasks => Results.Ok(tasks.Select(TaskResponse.From).ToList()));
    }

    private static async Task<IResult> ProofUnique(Query<ProofUniqueQuery> query, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!query.TryRead(out var q, out var refusal)) return refusal;
        var match = q.Option == "charactor" ? ProofMatch.Substring : ProofMatch.Word;
        return (await mediator.Send(new CheckProofUnique(principal.ToCaller(), q.Search!, match), ct)).ToHttp(unique => Results.Ok(unique));
    }
}
