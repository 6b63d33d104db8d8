using Platform.Application.Events;
using Platform.Contracts;
using Platform.Contracts.Proxy;
using Platform.Domain;
using Proxy.Domain.Blacklists;
using Proxy.Domain.Connections;

namespace Proxy.Application.Events;

/// <summary>What the proxy nodes (and any other service) hear of Proxy's domain events: each carries the whole state as this write stores it.</summary>
public sealed class ProxyIntegrationEvents : IIntegrationEventMap
{
    public IEnumerable<IntegrationEvent> Map(IDomainEvent domainEvent) => domainEvent switch
    {
        ConnectionChangedDomainEvent e => [new ConnectionChanged(e.Connection.Id, e.Connection.DeviceId, e.Connection.PasswordHash, [.. e.Connection.Blacklist.Names],
            ChangeWord(e.Change), e.Connection.IsDeleted, e.Connection.Version + 1)],
        BlacklistChangedDomainEvent e => [new ProxyBlacklistChanged(e.Blacklist.DeviceId, [.. e.Blacklist.Domains.Names], e.Blacklist.Version + 1)],
        _ => throw new ArgumentException($"Proxy has no integration event for {domainEvent.GetType().Name}.", nameof(domainEvent)),
    };

    public static string ChangeWord(ConnectionChange change) => change switch
    {
        ConnectionChange.Created => "created",
        ConnectionChange.PasswordRotated => "password-rotated",
        ConnectionChange.DeviceSwapped => "device-swapped",
        ConnectionChange.DeviceRemoved => "device-removed",
        ConnectionChange.BlacklistChanged => "blacklist-changed",
        _ => "deleted",
    };
}
