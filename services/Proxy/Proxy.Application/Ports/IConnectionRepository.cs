using Proxy.Domain.Connections;

namespace Proxy.Application.Ports;

/// <summary>Proxy connections, each written with the events it recorded (one write, optimistic concurrency).</summary>
public interface IConnectionRepository
{
    Task<ProxyConnection?> GetAsync(string connectionId, CancellationToken cancellationToken);

    Task AddAsync(ProxyConnection connection, CancellationToken cancellationToken);

    /// <summary>Saves (or, once deleted, removes) a connection read at its version; false when it changed since.</summary>
    Task<bool> TrySaveAsync(ProxyConnection connection, CancellationToken cancellationToken);

    /// <summary>Connections the user created or that are routed through one of <paramref name="deviceIds"/>, oldest first.</summary>
    Task<IReadOnlyList<ProxyConnection>> ListForAsync(string userId, IReadOnlyCollection<string> deviceIds, CancellationToken cancellationToken);

    /// <summary>Every connection in id order, a page of at most <paramref name="limit"/> after the id <paramref name="after"/> (the proxy nodes' snapshot).</summary>
    Task<ConnectionPage> ListPageAsync(string? after, int limit, CancellationToken cancellationToken);
}

/// <summary>A page of connections and the id to ask after for the next (null on the last page).</summary>
public sealed record ConnectionPage(IReadOnlyList<ProxyConnection> Connections, string? Next);
