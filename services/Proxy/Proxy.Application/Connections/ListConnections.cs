using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Proxy.Application.Ports;
using Proxy.Domain.Connections;

namespace Proxy.Application.Connections;

/// <summary>Route 23: the connections the caller created, or routed through a device they own, oldest first.</summary>
public sealed record ListConnections(Caller Caller) : IQuery<Result<IReadOnlyList<ProxyConnection>>>;

public sealed class ListConnectionsHandler(IConnectionRepository connections, IProxyDevices devices)
    : IQueryHandler<ListConnections, Result<IReadOnlyList<ProxyConnection>>>
{
    public async ValueTask<Result<IReadOnlyList<ProxyConnection>>> Handle(ListConnections query, CancellationToken cancellationToken)
    {
        var owned = (await devices.ListOwnedAsync(query.Caller.UserId, cancellationToken)).Select(d => d.Id).ToList();
        return Result<IReadOnlyList<ProxyConnection>>.Success(await connections.ListForAsync(query.Caller.UserId, owned, cancellationToken));
    }
}
