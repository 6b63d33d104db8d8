using Jobs.Application.Users;
using Mediator;
using Platform.Application.Results;
using Platform.Contracts.Identity;
using Platform.Messaging;
using Platform.Persistence.Inbox;

namespace Jobs.Infrastructure.Messaging;

/// <summary>Keeps Jobs' user directory: who a job can be shared with.</summary>
public sealed class UserRegisteredConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<UserRegistered>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(UserRegistered message) => new RecordKnownUser(message.UserId, message.Name, message.Country);
}
