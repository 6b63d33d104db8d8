using Mediator;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Jobs;

namespace Tasks.Application.Jobs;

/// <summary>
/// Jobs posted a job: Tasks opens its positions for applies and planned tasks, then keeps its copy. In that order: a
/// request finds the job only once its counters exist (the other way round, an apply or a plan in between found no
/// counter and answered "no positions left"). Opening is idempotent, so a redelivered event changes nothing.
/// </summary>
public sealed record RecordJobPosted(Job Job) : ICommand<Result>;

public sealed class RecordJobPostedHandler(IJobReplica jobs, ITaskLimits limits) : ICommandHandler<RecordJobPosted, Result>
{
    public async ValueTask<Result> Handle(RecordJobPosted command, CancellationToken cancellationToken)
    {
        await limits.OpenPositionsAsync(command.Job.Id, command.Job.Positions, cancellationToken);
        await jobs.AddAsync(command.Job, cancellationToken);
        return Result.Success();
    }
}
