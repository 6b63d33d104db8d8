using Jobs.Application.Tasks;
using Jobs.Infrastructure.Persistence;
using Mediator;
using Platform.Application.Results;
using Platform.Contracts.Tasks;
using Platform.Messaging;
using Platform.Persistence.Inbox;

namespace Jobs.Infrastructure.Messaging;

// Each counts its move once per event, even across a crash: RecordTaskMove marks the job with the event's id, and the
// mark goes once the inbox has recorded the event handled.

/// <summary>A new task counts in the status it starts in (running after an apply; pending when submitted at once).</summary>
public sealed class TaskAppliedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<TaskApplied>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(TaskApplied message) => new RecordTaskMove(message.JobId, null, message.Status, message.EventId.ToString());

    protected override MarkedDocument Marks(TaskApplied message) => new(JobRepository.CollectionName, message.JobId);
}

/// <summary>A task's move between statuses moves it between the job's counters.</summary>
public sealed class TaskStatusChangedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<TaskStatusChanged>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(TaskStatusChanged message) =>
        new RecordTaskMove(message.JobId, message.PreviousStatus, message.Status, message.EventId.ToString());

    protected override MarkedDocument Marks(TaskStatusChanged message) => new(JobRepository.CollectionName, message.JobId);
}

/// <summary>A task that is gone leaves the job's counters.</summary>
public sealed class TaskFinishedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<TaskFinished>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(TaskFinished message) => new RecordTaskMove(message.JobId, message.LastStatus, null, message.EventId.ToString());

    protected override MarkedDocument Marks(TaskFinished message) => new(JobRepository.CollectionName, message.JobId);
}
