using Jobs.Application.Ports;
using Mediator;
using Platform.Application.Results;

namespace Jobs.Application.Jobs;

/// <summary>
/// The funding sweep: a job saved more than <paramref name="WaitingFor"/> ago that still waits for its funding was left
/// half way by a post that stopped (a crash between asking Payments and saving the answer). Its poster got no 201, so
/// it is abandoned, never posted: Payments hears of it (JobFundingAbandoned) and gives back anything it held. Abandoned
/// jobs are deleted a day later, once their event is out. The same goes for a switch back on (see
/// <see cref="ChangeJobStatus"/>) begun that long ago and never finished: the job stays inactive, and Payments hears
/// JobReopenAbandoned and gives back what it held again. Returns how many jobs and switches were abandoned.
/// </summary>
public sealed record AbandonUnfundedJobs(TimeSpan WaitingFor, int BatchSize = 100) : ICommand<Result<int>>;

public sealed class AbandonUnfundedJobsHandler(IJobRepository jobs, TimeProvider clock) : ICommandHandler<AbandonUnfundedJobs, Result<int>>
{
    public static readonly TimeSpan KeptAfterAbandoning = TimeSpan.FromDays(1);

    public async ValueTask<Result<int>> Handle(AbandonUnfundedJobs command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var abandoned = 0;
        foreach (var job in await jobs.FindWaitingForFundingAsync(now - command.WaitingFor, command.BatchSize, cancellationToken))
        {
            job.AbandonFunding();
            // The post may have finished meanwhile: then it wins and this write is refused.
            if (await jobs.TrySaveAsync(job, cancellationToken)) abandoned++;
        }
        foreach (var job in await jobs.FindStalledReopeningsAsync(now - command.WaitingFor, command.BatchSize, cancellationToken))
        {
            job.AbandonReopening(job.Reopening!.ReopenId);
            // The switch may have finished meanwhile: then it wins and this write is refused.
            if (await jobs.TrySaveAsync(job, cancellationToken)) abandoned++;
        }
        await jobs.DeleteAbandonedAsync(now - KeptAfterAbandoning, cancellationToken);
        return abandoned;
    }
}
