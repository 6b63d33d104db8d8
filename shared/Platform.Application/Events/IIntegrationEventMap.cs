using Platform.Contracts;
using Platform.Domain;

namespace Platform.Application.Events;

/// <summary>
/// A service's one mapping from the domain events its aggregates record to the integration events other services
/// hear. It lives in the service's Application; repositories use it when they store an aggregate, so that the state
/// and the events it raised are one write and no handler builds an event by hand.
/// </summary>
public interface IIntegrationEventMap
{
    /// <summary>The integration events of <paramref name="domainEvent"/>; empty when it stays inside the service.</summary>
    IEnumerable<IntegrationEvent> Map(IDomainEvent domainEvent);
}

public static class IntegrationEventMapExtensions
{
    /// <summary>Takes what <paramref name="aggregate"/> recorded since it was read and maps it, in order.</summary>
    public static IReadOnlyList<IntegrationEvent> TakeFrom(this IIntegrationEventMap map, AggregateRoot aggregate) =>
        aggregate.TakeDomainEvents().SelectMany(map.Map).ToList();
}
