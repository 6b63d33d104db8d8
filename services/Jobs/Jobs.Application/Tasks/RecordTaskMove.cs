using FluentValidation;
using Jobs.Application.Ports;
using Jobs.Domain.Jobs;
using Mediator;
using Platform.Application.Results;

namespace Jobs.Application.Tasks;

/// <summary>
/// The Tasks service says a task of a job moved from one status to another (null: it did not exist / no longer
/// exists): the job's counters follow (atomic increments: a busy job's events never contend), once per
/// <paramref name="EventId"/> even when a crash comes between the increment and the inbox's record of the event, and
/// the job completes when its confirmed tasks reach its positions.
/// </summary>
public sealed record RecordTaskMove(string JobId, string? PreviousStatus, string? Status, string EventId) : ICommand<Result>;

public sealed class RecordTaskMoveValidator : AbstractValidator<RecordTaskMove>
{
    public RecordTaskMoveValidator()
    {
        RuleFor(x => x.JobId).NotEmpty().WithMessage("job_id is required");
        RuleFor(x => x.EventId).NotEmpty().WithMessage("The event's id is required");
        RuleFor(x => x.PreviousStatus).Must(TaskStatusNames.IsKnown).When(x => x.PreviousStatus is not null)
            .WithMessage(x => $"'{x.PreviousStatus}' is not a task status");
        RuleFor(x => x.Status).Must(TaskStatusNames.IsKnown).When(x => x.Status is not null).WithMessage(x => $"'{x.Status}' is not a task status");
        RuleFor(x => x).Must(x => x.PreviousStatus is not null || x.Status is not null).WithMessage("A move has a status before or after it");
    }
}

public sealed class RecordTaskMoveHandler(IJobRepository jobs) : ICommandHandler<RecordTaskMove, Result>
{
    public async ValueTask<Result> Handle(RecordTaskMove command, CancellationToken cancellationToken)
    {
        var delta = JobCounters.Zero.Move(TaskStatusNames.StateOf(command.PreviousStatus), TaskStatusNames.StateOf(command.Status));
        if (!await jobs.AddToCountersAsync(command.JobId, delta, command.EventId, cancellationToken)) return Error.NotFound("Job with this Id not found");
        if (delta.TasksConfirmed <= 0) return Result.Success();

        // A confirmation may complete the job: its status is a versioned write, read again if another got there first.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var job = await jobs.GetAsync(command.JobId, cancellationToken);
            if (job is null || !job.CompleteWhenDone() || await jobs.TrySaveAsync(job, cancellationToken)) return Result.Success();
        }
        return Error.Conflict($"Job {command.JobId} kept changing while its completion was recorded");
    }
}

/// <summary>The task statuses as the Tasks service spells them, and what the job's counters make of each.</summary>
public static class TaskStatusNames
{
    private static readonly Dictionary<string, TaskState> States = new(StringComparer.Ordinal)
    {
        ["running"] = TaskState.Running,
        ["processing"] = TaskState.Waiting,
        ["pending"] = TaskState.Waiting,
        ["confirmed"] = TaskState.Confirmed,
        ["declined"] = TaskState.Other,
        ["notcomplete"] = TaskState.Other,
        ["failed"] = TaskState.Other,
    };

    public static bool IsKnown(string? status) => status is not null && States.ContainsKey(status);

    public static TaskState? StateOf(string? status) => status is null ? null : States[status];
}
