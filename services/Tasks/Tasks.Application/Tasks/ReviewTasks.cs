using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Tasks;

/// <summary>
/// The employer (the job's owner or an edit share) sets the status of some of a job's tasks (route 2), named by job
/// task or planned task ids, with an optional comment. Every task is checked before any changes: one that can't move
/// to the status refuses the whole request, naming its status. A task already in the status is left alone, so that
/// confirming twice pays once. Nobody reviews a task of their own (an edit share who did one of the job's tasks before
/// the share would pay themselves from the owner's hold); the owner's own tasks are those of the owner's own devices,
/// whose pay comes back to the owner.
/// </summary>
public sealed record ReviewTasks(Caller Caller, string JobId, IReadOnlyList<string> TaskIds, JobTaskStatus Status, string? Comment)
    : ICommand<Result<IReadOnlyList<JobTask>>>;

public sealed class ReviewTasksValidator : AbstractValidator<ReviewTasks>
{
    public const int MaxTasks = 1000;
    public const int MaxCommentLength = 2000;

    public ReviewTasksValidator()
    {
        RuleFor(x => x.JobId).MustBeAJobId();
        RuleFor(x => x.TaskIds).NotEmpty().WithMessage("JobTasks_Ids must name at least one task")
            .Must(ids => ids.Count <= MaxTasks).WithMessage($"JobTasks_Ids names at most {MaxTasks} tasks");
        RuleFor(x => x.Status).Must(s => s is JobTaskStatus.Confirmed or JobTaskStatus.Declined or JobTaskStatus.NotComplete or JobTaskStatus.Pending)
            .WithMessage("Invalid status: use confirmed, declined, notcomplete or pending");
        RuleFor(x => x.Comment).MaximumLength(MaxCommentLength).WithMessage($"comment must be at most {MaxCommentLength} characters");
    }
}

public sealed class ReviewTasksHandler(IJobReplica jobs, IJobTaskRepository tasks, TaskIds ids, TaskOutcomes outcomes, TimeProvider clock)
    : ICommandHandler<ReviewTasks, Result<IReadOnlyList<JobTask>>>
{
    /// <summary>Concurrent reviews of the same task: each lost write race reads the tasks again, and one already moved is left alone.</summary>
    private const int Attempts = 20;

    public async ValueTask<Result<IReadOnlyList<JobTask>>> Handle(ReviewTasks command, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(command.JobId, cancellationToken);
        if (job is null || !job.CanView(command.Caller.UserId)) return Error.NotFound(TaskMessages.JobNotFound);
        if (!job.CanManage(command.Caller.UserId)) return Error.Forbidden("You may view this job's tasks but not review them");

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var named = new List<JobTask>();
            foreach (var id in command.TaskIds.Distinct())
            {
                var task = await ids.ResolveAsync(id, job.Id, "ID", cancellationToken);
                if (!task.IsSuccess) return task.Error!;
                if (named.All(t => t.Id != task.Value.Id)) named.Add(task.Value);
            }
            if (named.FirstOrDefault(t => t.WorkerId == command.Caller.UserId && command.Caller.UserId != job.OwnerId) is { } own)
                return Error.Forbidden($"You can't review your own task ({own.Id})");
            var stuck = named.Where(t => !t.CanBeReviewedAs(command.Status)).ToList();
            if (stuck.Count > 0)
                return Error.Validation(stuck.Select(t => $"Task {t.Id} is {t.Status.ToWord()}; it can't be set to {command.Status.ToWord()}").ToList());

            if (await TryReviewAllAsync(named, command, cancellationToken)) return named;
        }
        return Error.Conflict("The tasks kept changing while they were reviewed; try again");
    }

    private async Task<bool> TryReviewAllAsync(IReadOnlyList<JobTask> named, ReviewTasks command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var task in named)
        {
            var previous = task.Status;
            if (!task.Review(command.Status, command.Comment, now)) continue;
            if (!await tasks.TrySaveAsync(task, cancellationToken)) return false;
            await outcomes.AfterMoveAsync(previous, task, cancellationToken);
        }
        return true;
    }
}
