using Mediator;
using Platform.Application.Results;
using Proxy.Application.Ports;
using Proxy.Domain.Connections;
using Proxy.Domain.Devices;

namespace Proxy.Application.RequestLog;

/// <summary>
/// Route 34 (admin token, checked at the edge): every connection of every user, oldest first, with its device as
/// Proxy knows it (null without one) and its bytes over the last day and ever, from the request log.
/// </summary>
public sealed record ListAllConnections : IQuery<Result<IReadOnlyList<AdminConnectionView>>>;

public sealed record AdminConnectionView(ProxyConnection Connection, ProxyDevice? Device, ConnectionTraffic Traffic);

public sealed class ListAllConnectionsHandler(IConnectionRepository connections, IProxyDevices devices, IRequestLog log, TimeProvider clock)
    : IQueryHandler<ListAllConnections, Result<IReadOnlyList<AdminConnectionView>>>
{
    public async ValueTask<Result<IReadOnlyList<AdminConnectionView>>> Handle(ListAllConnections query, CancellationToken cancellationToken)
    {
        var all = new List<ProxyConnection>();
        string? after = null;
        do
        {
            var page = await connections.ListPageAsync(after, 1000, cancellationToken);
            all.AddRange(page.Connections);
            after = page.Next;
        }
        while (after is not null);

        var traffic = await RequestLogReads.ReadAsync(() => log.TrafficOfAsync(all.Select(c => c.Id).ToList(), clock.GetUtcNow(), cancellationToken));
        if (!traffic.IsSuccess) return traffic.Error!;
        var known = new Dictionary<string, ProxyDevice?>();
        var views = new List<AdminConnectionView>(all.Count);
        foreach (var connection in all.OrderBy(c => c.CreatedAt))
        {
            ProxyDevice? device = null;
            if (connection.DeviceId is { } deviceId && !known.TryGetValue(deviceId, out device))
                known[deviceId] = device = await devices.GetAsync(deviceId, cancellationToken);
            views.Add(new AdminConnectionView(connection, device, traffic.Value.GetValueOrDefault(connection.Id) ?? new ConnectionTraffic(0, 0)));
        }
        return Result<IReadOnlyList<AdminConnectionView>>.Success(views);
    }
}
