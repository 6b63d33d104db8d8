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
}
