using Jobs.Infrastructure.Persistence;
using Platform.Contracts.Identity;
using Platform.Messaging;
using Platform.Persistence.Inbox;

namespace Jobs.Infrastructure.Messaging;

/// <summary>Keeps Jobs' user directory: who a job can be shared with.</summary>
public sealed class UserRegisteredConsumer(Inbox inbox, UserDirectory users) : IdempotentConsumer<UserRegistered>(inbox)
{
    protected override Task HandleAsync(UserRegistered message, CancellationToken cancellationToken) =>
        users.AddAsync(message.UserId, message.Name, message.Country, cancellationToken);
}
