using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Paging;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Application.Tasks;
using Tasks.Domain.Jobs;
using Tasks.Domain.PlannedTasks;

namespace Tasks.Application.PlannedTasks;

/// <summary>A job's planned tasks not yet given out (route 12), for its owner and shares: searched in their input, by when they were planned, paged.</summary>
public sealed record ListPlannedTasks(Caller Caller, string JobId, string? Search, SortDirection Direction, PageRequest Page)
    : IQuery<Result<PlannedTaskList>>;

public sealed record PlannedTaskList(Job Job, PagedList<PlannedTask> PlannedTasks);

public sealed class ListPlannedTasksValidator : AbstractValidator<ListPlannedTasks>
{
    public ListPlannedTasksValidator()
    {
        RuleFor(x => x.JobId).MustBeAJobId();
        RuleFor(x => x.Search).MaximumLength(PlannedTask.MaxInputLength).WithMessage($"search must be at most {PlannedTask.MaxInputLength} characters");
    }
}

public sealed class ListPlannedTasksHandler(IJobReplica jobs, IPlannedTaskRepository plannedTasks) : IQueryHandler<ListPlannedTasks, Result<PlannedTaskList>>
{
    public const string JobNotFound = "Job not found";

    public async ValueTask<Result<PlannedTaskList>> Handle(ListPlannedTasks query, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(query.JobId, cancellationToken);
        if (job is null || !job.CanView(query.Caller.UserId)) return Error.NotFound(JobNotFound);
        var page = await plannedTasks.ListFreeAsync(job.Id, query.Search, query.Direction, query.Page, cancellationToken);
        return new PlannedTaskList(job, page);
    }
}
