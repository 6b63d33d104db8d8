using Mediator;
using Payments.Application.Ports;
using Platform.Application.Results;

namespace Payments.Application.Funding;

/// <summary>Tasks' word that a task took a position of its job (TaskApplied) or is gone (TaskFinished); see <see cref="JobHolds.RecordTaskPositionAsync"/>.</summary>
public sealed record RecordTaskPosition(string TaskId, string JobId, TaskPosition Position) : ICommand<Result>;

public sealed class RecordTaskPositionHandler(JobHolds holds) : ICommandHandler<RecordTaskPosition, Result>
{
    public async ValueTask<Result> Handle(RecordTaskPosition command, CancellationToken cancellationToken)
    {
        await holds.RecordTaskPositionAsync(command.TaskId, command.JobId, command.Position, cancellationToken);
        return Result.Success();
    }
}
