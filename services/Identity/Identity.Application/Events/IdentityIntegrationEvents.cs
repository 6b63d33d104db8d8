using Identity.Domain.Users;
using Platform.Application.Events;
using Platform.Contracts;
using Platform.Contracts.Identity;
using Platform.Domain;

namespace Identity.Application.Events;

/// <summary>What other services hear of Identity's domain events: the one place its integration events are built.</summary>
public sealed class IdentityIntegrationEvents : IIntegrationEventMap
{
    public IEnumerable<IntegrationEvent> Map(IDomainEvent domainEvent) => domainEvent switch
    {
        UserRegisteredDomainEvent registered => [new UserRegistered(registered.User.Id, registered.User.Email, registered.User.Name, registered.User.Country, registered.User.ReferrerId)],
        _ => throw new ArgumentException($"Identity has no integration event for {domainEvent.GetType().Name}.", nameof(domainEvent)),
    };
}
