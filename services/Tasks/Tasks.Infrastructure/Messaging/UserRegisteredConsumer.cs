using Mediator;
using Platform.Application.Results;
using Platform.Contracts.Identity;
using Platform.Messaging;
using Platform.Persistence.Inbox;
using Tasks.Application.Workers;

namespace Tasks.Infrastructure.Messaging;

/// <summary>Keeps the workers Tasks knows: name, email and country.</summary>
public sealed class UserRegisteredConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<UserRegistered>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(UserRegistered m) => new RecordUser(m.UserId, m.Name, m.Email, m.Country);
}
