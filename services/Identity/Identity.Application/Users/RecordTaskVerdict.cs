using FluentValidation;
using Identity.Application.Ports;
using Mediator;
using Platform.Application.Results;
using Platform.Domain;

namespace Identity.Application.Users;

/// <summary>A worker's task moved (Tasks' TaskStatusChanged): a first verdict (confirmed or declined) counts towards their rating.</summary>
public sealed record RecordTaskVerdict(string WorkerId, string? PreviousStatus, string Status) : ICommand<Result>;

public sealed class RecordTaskVerdictValidator : AbstractValidator<RecordTaskVerdict>
{
    public RecordTaskVerdictValidator()
    {
        RuleFor(x => x.WorkerId).NotEmpty().WithMessage("worker_id is required");
        RuleFor(x => x.Status).NotEmpty().WithMessage("status is required");
    }
}

public sealed class RecordTaskVerdictHandler(IUserRepository users) : ICommandHandler<RecordTaskVerdict, Result>
{
    public async ValueTask<Result> Handle(RecordTaskVerdict command, CancellationToken cancellationToken)
    {
        if (!WorkerRating.IsNewVerdict(command.PreviousStatus, command.Status)) return Result.Success();
        // A worker Identity doesn't know (a device's agent, say) has no profile to rate: nothing to count.
        await users.CountVerdictAsync(command.WorkerId, command.Status == "confirmed", cancellationToken);
        return Result.Success();
    }
}
