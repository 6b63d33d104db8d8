using Jobs.Application.Tasks;
using Mediator;
using Platform.Application.Results;
using Platform.Contracts.Tasks;
using Platform.Messaging;
using Platform.Persistence.Inbox;

namespace Jobs.Infrastructure.Messaging;

// Each counts its move once per event, even across a crash (RecordTaskMove), and lets go of the event's key once the
// inbox has recorded the event handled (ForgetTaskMove).

/// <summary>A new task counts in the status it starts in (running after an apply; pending when submitted at once).</summary>
public sealed class TaskAppliedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<TaskApplied>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(TaskApplied message) => new RecordTaskMove(message.JobId, null, message.Status, message.EventId.ToString());

    protected override ICommand<Result> AfterHandled(TaskApplied message) => new ForgetTaskMove(message.JobId, message.EventId.ToString());
}

/// <summary>A task's move between statuses moves it between the job's counters.</summary>
public sealed class TaskStatusChangedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<TaskStatusChanged>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(TaskStatusChanged message) =>
        new RecordTaskMove(message.JobId, message.PreviousStatus, message.Status, message.EventId.ToString());

    protected override ICommand<Result> AfterHandled(TaskStatusChanged message) => new ForgetTaskMove(message.JobId, message.EventId.ToString());
}

/// <summary>A task that is gone leaves the job's counters.</summary>
public sealed class TaskFinishedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<TaskFinished>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(TaskFinished message) => new RecordTaskMove(message.JobId, message.LastStatus, null, message.EventId.ToString());

    protected override ICommand<Result> AfterHandled(TaskFinished message) => new ForgetTaskMove(message.JobId, message.EventId.ToString());
}
