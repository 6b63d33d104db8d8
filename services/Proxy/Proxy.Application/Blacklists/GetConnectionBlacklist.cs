using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Proxy.Application.Connections;
using Proxy.Application.Ports;

namespace Proxy.Application.Blacklists;

/// <summary>Route 29: a connection's own blacklist (the device's and the global one apply too).</summary>
public sealed record GetConnectionBlacklist(Caller Caller, string ConnectionId) : IQuery<Result<IReadOnlyCollection<string>>>;

public sealed class GetConnectionBlacklistHandler(IConnectionRepository connections, IProxyDevices devices)
    : IQueryHandler<GetConnectionBlacklist, Result<IReadOnlyCollection<string>>>
{
    public async ValueTask<Result<IReadOnlyCollection<string>>> Handle(GetConnectionBlacklist query, CancellationToken cancellationToken)
    {
        var found = await connections.AccessibleAsync(devices, query.Caller, query.ConnectionId, cancellationToken);
        return found.IsSuccess ? Result<IReadOnlyCollection<string>>.Success(found.Value.Blacklist.Names) : found.Error!;
    }
}
