using FluentValidation;
using Mediator;
using Payments.Application.Ports;
using Platform.Application.Results;

namespace Payments.Application.Earnings;

/// <summary>
/// Tasks' word on a task's review state (TaskSubmitted, TaskStatusChanged): submitted work shows its pay in the
/// worker's pending earnings until the employer reviews it. <paramref name="Status"/> is where the task is now.
/// </summary>
public sealed record RecordTaskReview(string TaskId, string WorkerId, string Status, decimal Amount, DateTimeOffset At) : ICommand<Result>;

public sealed class RecordTaskReviewValidator : AbstractValidator<RecordTaskReview>
{
    public RecordTaskReviewValidator()
    {
        RuleFor(x => x.TaskId).NotEmpty().WithMessage("task_id is required");
        RuleFor(x => x.WorkerId).NotEmpty().WithMessage("worker_id is required");
        RuleFor(x => x.Amount).GreaterThanOrEqualTo(0).WithMessage("amount must not be negative");
    }
}

public sealed class RecordTaskReviewHandler(IPendingEarnings earnings) : ICommandHandler<RecordTaskReview, Result>
{
    /// <summary>A task in these statuses waits for the employer's review.</summary>
    public static bool AwaitsReview(string status) => status is "pending" or "processing";

    public async ValueTask<Result> Handle(RecordTaskReview command, CancellationToken cancellationToken)
    {
        if (AwaitsReview(command.Status))
            await earnings.OpenAsync(command.TaskId, command.WorkerId, command.Amount, command.At, cancellationToken);
        else
            await earnings.CloseAsync(command.TaskId, command.WorkerId, command.At, cancellationToken);
        return Result.Success();
    }
}
