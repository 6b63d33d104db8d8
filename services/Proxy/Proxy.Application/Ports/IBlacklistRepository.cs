using Proxy.Domain.Blacklists;

namespace Proxy.Application.Ports;

/// <summary>The global and per-device blacklists, each written with its events (optimistic concurrency).</summary>
public interface IBlacklistRepository
{
    /// <summary>The list with this id; an empty one (version 0, not stored yet) when there is none.</summary>
    Task<Blacklist> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Saves the list read at its version (adding it when new); false when it changed since.</summary>
    Task<bool> TrySaveAsync(Blacklist blacklist, CancellationToken cancellationToken);

    /// <summary>The global list and every device's that was ever written (the proxy nodes' snapshot).</summary>
    Task<IReadOnlyList<Blacklist>> ListAllAsync(CancellationToken cancellationToken);
}
