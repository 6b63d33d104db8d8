using Identity.Application.Users;
using Identity.Infrastructure.Persistence;
using Mediator;
using Platform.Application.Results;
using Platform.Contracts.Tasks;
using Platform.Domain;
using Platform.Messaging;
using Platform.Persistence.Inbox;

namespace Identity.Infrastructure.Messaging;

/// <summary>Keeps each worker's rating (shown in users/me) from the verdicts on their tasks.</summary>
public sealed class TaskStatusChangedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<TaskStatusChanged>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(TaskStatusChanged m) => new RecordTaskVerdict(m.WorkerId, m.PreviousStatus, m.Status, m.EventId.ToString());

    /// <summary>The verdict marks the worker's document with the event's id (counted once across a crash).</summary>
    protected override MarkedDocument Marks(TaskStatusChanged m) => new(UserRepository.CollectionName, m.WorkerId);

    /// <summary>Only a first verdict counts: submissions and redo requests are nothing to Identity.</summary>
    protected override bool Concerns(TaskStatusChanged m) => WorkerRating.IsNewVerdict(m.PreviousStatus, m.Status);
}
