using FluentValidation;
using Identity.Application.Ports;
using Mediator;
using Platform.Application.Results;
using Platform.Domain;

namespace Identity.Application.Users;

/// <summary>
/// A worker's task moved (Tasks' TaskStatusChanged): a first verdict (confirmed or declined) counts towards their
/// rating, once per <paramref name="EventId"/> even across a crash.
/// </summary>
public sealed record RecordTaskVerdict(string WorkerId, string? PreviousStatus, string Status, string EventId) : ICommand<Result>;

public sealed class RecordTaskVerdictValidator : AbstractValidator<RecordTaskVerdict>
{
    public RecordTaskVerdictValidator()
    {
        RuleFor(x => x.WorkerId).NotEmpty().WithMessage("worker_id is required");
        RuleFor(x => x.Status).NotEmpty().WithMessage("status is required");
        RuleFor(x => x.EventId).NotEmpty().WithMessage("The event's id is required");
    }
}

public sealed class RecordTaskVerdictHandler(IUserRepository users) : ICommandHandler<RecordTaskVerdict, Result>
{
    public async ValueTask<Result> Handle(RecordTaskVerdict command, CancellationToken cancellationToken)
    {
        if (!WorkerRating.IsNewVerdict(command.PreviousStatus, command.Status)) return Result.Success();
        // A worker Identity doesn't know (a device's agent, say) has no profile to rate: nothing to count.
        await users.CountVerdictAsync(command.WorkerId, command.Status == "confirmed", command.EventId, cancellationToken);
        return Result.Success();
    }
}
