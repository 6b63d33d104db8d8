using Mediator;
using Platform.Application.Results;
using Platform.Contracts.Proxy;
using Proxy.Application.Ports;
using Proxy.Domain.Connections;

namespace Proxy.Application.Nodes;

/// <summary>
/// What a proxy node starts from (and checks itself against now and then): every connection as the change that made
/// it what it is, a page at a time in id order, and, with the first page, every blacklist. The node applies these like
/// the changes it hears (the newest revision wins), so what changes while it reads is not lost.
/// </summary>
public sealed record GetNodeState(string? After, int Limit) : IQuery<Result<NodeStatePage>>
{
    public const int MaxLimit = 5000;
}

public sealed record NodeStatePage(IReadOnlyList<ConnectionChanged> Connections, IReadOnlyList<ProxyBlacklistChanged> Blacklists, string? Next);

public sealed class GetNodeStateHandler(IConnectionRepository connections, IBlacklistRepository blacklists) : IQueryHandler<GetNodeState, Result<NodeStatePage>>
{
    public async ValueTask<Result<NodeStatePage>> Handle(GetNodeState query, CancellationToken cancellationToken)
    {
        var page = await connections.ListPageAsync(query.After, Math.Clamp(query.Limit, 1, GetNodeState.MaxLimit), cancellationToken);
        var lists = query.After is null ? await blacklists.ListAllAsync(cancellationToken) : [];
        return Result<NodeStatePage>.Success(new NodeStatePage(
            page.Connections.Select(AsStored).ToList(),
            lists.Select(l => new ProxyBlacklistChanged(l.DeviceId, [.. l.Domains.Names], l.Version)).ToList(),
            page.Next));
    }

    /// <summary>A stored connection as the change its last write announced (its revision is the stored version).</summary>
    private static ConnectionChanged AsStored(ProxyConnection c) =>
        new(c.Id, c.DeviceId, c.PasswordHash, [.. c.Blacklist.Names], "snapshot", false, c.Version);
}
