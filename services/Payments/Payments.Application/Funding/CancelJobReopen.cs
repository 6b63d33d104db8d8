using Mediator;
using Platform.Application.Results;

namespace Payments.Application.Funding;

/// <summary>
/// Jobs gave up switching a job back on (JobReopenAbandoned): if the funding's last reopening is that one and no status
/// of the job's has come since, the job is closed again here and the positions held again go back to its owner. A
/// reopening that was not the last (another switch came after it), or the job's own word since, changes nothing.
/// </summary>
public sealed record CancelJobReopen(string JobId, string ReopenId, DateTime At) : ICommand<Result>;

public sealed class CancelJobReopenHandler(JobHolds holds) : ICommandHandler<CancelJobReopen, Result>
{
    public async ValueTask<Result> Handle(CancelJobReopen command, CancellationToken cancellationToken)
    {
        await holds.SettleAsync(command.JobId, f => f.CancelReopen(command.ReopenId, command.At), strict: false, cancellationToken);
        return Result.Success();
    }
}
