using Mediator;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Jobs;

namespace Tasks.Application.Jobs;

/// <summary>Jobs posted a job: Tasks keeps its copy and opens its positions for applies and planned tasks.</summary>
public sealed record RecordJobPosted(Job Job) : ICommand<Result>;

public sealed class RecordJobPostedHandler(IJobReplica jobs, ITaskLimits limits) : ICommandHandler<RecordJobPosted, Result>
{
    public async ValueTask<Result> Handle(RecordJobPosted command, CancellationToken cancellationToken)
    {
        await jobs.AddAsync(command.Job, cancellationToken);
        await limits.OpenPositionsAsync(command.Job.Id, command.Job.Positions, cancellationToken);
        return Result.Success();
    }
}
