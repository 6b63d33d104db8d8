using Mediator;
using Platform.Application.Results;

namespace Payments.Application.Funding;

/// <summary>
/// Jobs' word that a job's status moved (JobStatusChanged): an active job holds a unit for every unpaid position; an
/// inactive, completed or expired one only for its tasks in flight, and the rest goes back to the employer.
/// </summary>
public sealed record RecordJobStatus(string JobId, string Status, DateTime At) : ICommand<Result>;

public sealed class RecordJobStatusHandler(JobHolds holds) : ICommandHandler<RecordJobStatus, Result>
{
    public async ValueTask<Result> Handle(RecordJobStatus command, CancellationToken cancellationToken)
    {
        // A job posted before funding existed has none: there is nothing of it to hold or release.
        await holds.SettleAsync(command.JobId, f => f.SetOpen(command.Status == "active", command.At), strict: false, cancellationToken);
        return Result.Success();
    }
}
