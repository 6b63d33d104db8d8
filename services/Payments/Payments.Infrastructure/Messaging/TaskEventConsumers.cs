using Mediator;
using Payments.Application.Earnings;
using Platform.Application.Results;
using Platform.Contracts.Tasks;
using Platform.Messaging;
using Platform.Persistence.Inbox;

namespace Payments.Infrastructure.Messaging;

/// <summary>A submitted task's pay shows in the worker's pending earnings.</summary>
public sealed class TaskSubmittedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<TaskSubmitted>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(TaskSubmitted m) => new RecordTaskReview(m.TaskId, m.WorkerId, m.Status, m.Amount, m.OccurredAt);
}

/// <summary>A task that leaves review (a verdict, or sent back) takes its pay out of the worker's pending earnings.</summary>
public sealed class TaskStatusChangedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<TaskStatusChanged>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(TaskStatusChanged m) => new RecordTaskReview(m.TaskId, m.WorkerId, m.Status, 0, m.OccurredAt);

    /// <summary>Only moves out of review matter here; a move into it comes with its TaskSubmitted, which carries the pay.</summary>
    protected override bool Concerns(TaskStatusChanged m) =>
        RecordTaskReviewHandler.AwaitsReview(m.PreviousStatus) && !RecordTaskReviewHandler.AwaitsReview(m.Status);
}
