using Mediator;
using Payments.Application.Funding;
using Payments.Application.Ports;
using Platform.Application.Results;

namespace Payments.Application.Earnings;

/// <summary>
/// Tasks' word that a task moved (TaskStatusChanged): one that leaves review (a verdict, or sent back) takes its pay
/// out of the worker's pending earnings; one declined or failed frees its position of the job.
/// </summary>
public sealed record RecordTaskMove(string TaskId, string JobId, string WorkerId, string PreviousStatus, string Status, DateTimeOffset At) : ICommand<Result>;

public sealed class RecordTaskMoveHandler(IPendingEarnings earnings, JobHolds holds) : ICommandHandler<RecordTaskMove, Result>
{
    /// <summary>Whether this service does anything on a move from <paramref name="previous"/> to <paramref name="status"/>.</summary>
    public static bool Matters(string previous, string status) => LeavesReview(previous, status) || FreesPosition(status);

    private static bool LeavesReview(string previous, string status) =>
        RecordTaskReviewHandler.AwaitsReview(previous) && !RecordTaskReviewHandler.AwaitsReview(status);

    private static bool FreesPosition(string status) => status is "declined" or "failed";

    public async ValueTask<Result> Handle(RecordTaskMove command, CancellationToken cancellationToken)
    {
        if (LeavesReview(command.PreviousStatus, command.Status))
            await earnings.CloseAsync(command.TaskId, command.WorkerId, command.At, cancellationToken);
        if (FreesPosition(command.Status))
            await holds.RecordTaskPositionAsync(command.TaskId, command.JobId, TaskPosition.Freed, cancellationToken);
        return Result.Success();
    }
}
