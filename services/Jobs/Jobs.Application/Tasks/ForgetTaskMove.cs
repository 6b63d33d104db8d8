using Jobs.Application.Ports;
using Mediator;
using Platform.Application.Results;

namespace Jobs.Application.Tasks;

/// <summary>
/// The inbox has recorded the task event of <paramref name="EventId"/> handled, so no redelivery can reach
/// <see cref="RecordTaskMove"/> again: the job lets go of the event's key.
/// </summary>
public sealed record ForgetTaskMove(string JobId, string EventId) : ICommand<Result>;

public sealed class ForgetTaskMoveHandler(IJobRepository jobs) : ICommandHandler<ForgetTaskMove, Result>
{
    public async ValueTask<Result> Handle(ForgetTaskMove command, CancellationToken cancellationToken)
    {
        await jobs.ForgetCounterOperationAsync(command.JobId, command.EventId, cancellationToken);
        return Result.Success();
    }
}
