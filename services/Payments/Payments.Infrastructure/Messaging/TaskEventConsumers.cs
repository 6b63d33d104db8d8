using Mediator;
using Payments.Application.Earnings;
using Payments.Application.Funding;
using Payments.Application.Ports;
using Platform.Application.Results;
using Platform.Contracts.Tasks;
using Platform.Messaging;
using Platform.Persistence.Inbox;

namespace Payments.Infrastructure.Messaging;

/// <summary>
/// A task took a position of its job: its job's hold keeps a unit for it should the job close. A task that starts out
/// failed or declined (an agent's data dump) is in flight for nothing.
/// </summary>
public sealed class TaskAppliedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<TaskApplied>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(TaskApplied m) =>
        new RecordTaskPosition(m.TaskId, m.JobId, m.Status is "failed" or "declined" ? TaskPosition.Freed : TaskPosition.InFlight);
}

/// <summary>A submitted task's pay shows in the worker's pending earnings.</summary>
public sealed class TaskSubmittedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<TaskSubmitted>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(TaskSubmitted m) => new RecordTaskReview(m.TaskId, m.WorkerId, m.Status, m.Amount, m.OccurredAt);
}

/// <summary>A task that leaves review takes its pay out of pending earnings; a declined or failed one frees its position.</summary>
public sealed class TaskStatusChangedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<TaskStatusChanged>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(TaskStatusChanged m) => new RecordTaskMove(m.TaskId, m.JobId, m.WorkerId, m.PreviousStatus, m.Status, m.OccurredAt);

    /// <summary>A move into review comes with its TaskSubmitted (which carries the pay); a confirmation with its TaskConfirmed.</summary>
    protected override bool Concerns(TaskStatusChanged m) => RecordTaskMoveHandler.Matters(m.PreviousStatus, m.Status);
}

/// <summary>A confirmed task pays its worker, the platform's fee and the referral bonus.</summary>
public sealed class TaskConfirmedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<TaskConfirmed>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(TaskConfirmed m) => new PayConfirmedTask(m.TaskId, m.JobId, m.WorkerId, m.DeviceOwnerShare);
}

/// <summary>A removed task (declined or failed before) has freed its position.</summary>
public sealed class TaskFinishedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<TaskFinished>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(TaskFinished m) => new RecordTaskPosition(m.TaskId, m.JobId, TaskPosition.Freed);
}
