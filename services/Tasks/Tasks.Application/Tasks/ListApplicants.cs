using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Paging;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Jobs;
using Tasks.Domain.PlannedTasks;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Tasks;

/// <summary>
/// A job's applicants (route 1), for its owner and shares: its tasks filtered, sorted and paged, with the job's count
/// of tasks in each status. <paramref name="TaskId"/> (a job task or planned task id) narrows the list to that task.
/// </summary>
public sealed record ListApplicants(Caller Caller, string JobId, string? TaskId, JobTaskStatus? Status, int? HoursAgo, string? Search,
    TaskSortField SortBy, SortDirection Direction, PageRequest Page) : IQuery<Result<Applicants>>;

/// <summary>The job, the planned task a task_id named, one page of its tasks, and how many of its tasks are in each status.</summary>
public sealed record Applicants(Job Job, PlannedTask? PlannedTask, PagedList<JobTask> Tasks, IReadOnlyDictionary<JobTaskStatus, long> Counts)
{
    public long Count(params JobTaskStatus[] statuses) => statuses.Sum(s => Counts.TryGetValue(s, out var n) ? n : 0);
}

public sealed class ListApplicantsValidator : AbstractValidator<ListApplicants>
{
    public ListApplicantsValidator()
    {
        RuleFor(x => x.JobId).MustBeAJobId();
        RuleFor(x => x.TaskId).Must(ObjectIds.IsValid).When(x => x.TaskId is not null).WithMessage("Invalid task_id format");
    }
}

public sealed class ListApplicantsHandler(IJobReplica jobs, IJobTaskRepository tasks, IPlannedTaskRepository plannedTasks, TaskIds ids, TimeProvider clock)
    : IQueryHandler<ListApplicants, Result<Applicants>>
{
    public async ValueTask<Result<Applicants>> Handle(ListApplicants query, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(query.JobId, cancellationToken);
        if (job is null || !job.CanView(query.Caller.UserId)) return Error.NotFound(TaskMessages.JobNotFound);

        PlannedTask? planned = null;
        string? taskId = null;
        if (query.TaskId is { } id)
        {
            var named = await ids.ResolveAsync(id, job.Id, "task_id", cancellationToken);
            if (!named.IsSuccess) return named.Error!;
            taskId = named.Value.Id;
            if (named.Value.PlannedTaskId is { } plannedId) planned = await plannedTasks.GetAsync(plannedId, cancellationToken);
        }

        var since = query.HoursAgo is { } hours ? clock.GetUtcNow().UtcDateTime.AddHours(-hours) : (DateTime?)null;
        var search = new TaskSearch(job.Id, taskId, query.Status, since, query.Search, query.SortBy, query.Direction);
        var page = await tasks.SearchAsync(search, query.Page, cancellationToken);
        var counts = await tasks.CountByStatusAsync(job.Id, cancellationToken);
        return new Applicants(job, planned, page, counts);
    }
}
