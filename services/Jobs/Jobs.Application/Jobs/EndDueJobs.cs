using Jobs.Application.Ports;
using Jobs.Domain.Jobs;
using Mediator;
using Platform.Application.Results;

namespace Jobs.Application.Jobs;

/// <summary>
/// The expiry sweep: every job whose duration has passed ends, completed when all its positions are done and expired
/// otherwise, and says so (JobStatusChanged). Returns how many jobs ended.
/// </summary>
public sealed record EndDueJobs(int BatchSize = 100) : ICommand<Result<int>>;

public sealed class EndDueJobsHandler(IJobRepository jobs, TimeProvider clock) : ICommandHandler<EndDueJobs, Result<int>>
{
    public async ValueTask<Result<int>> Handle(EndDueJobs command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = 0;
        while (true)
        {
            var due = await jobs.FindDueToEndAsync(now, command.BatchSize, cancellationToken);
            var endedInBatch = 0;
            foreach (var job in due)
            {
                if (!job.EndIfDue(now)) continue;
                await jobs.SaveAsync(job, cancellationToken);
                endedInBatch++;
            }
            ended += endedInBatch;
            if (due.Count < command.BatchSize || endedInBatch == 0) return ended;
        }
    }
}
