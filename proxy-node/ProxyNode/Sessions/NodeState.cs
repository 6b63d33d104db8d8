using System.Collections.Concurrent;
using Platform.Contracts.Proxy;
using Proxy.Domain.Blacklists;
using Proxy.Domain.Connections;

namespace ProxyNode.Sessions;

/// <summary>
/// What the node knows of the control plane: each connection's password hash, device and blacklist, the devices' lists
/// and the global one, as the changes announced them (the newest revision of each wins, whatever order they come in).
/// A change takes effect for the next session at once; a connection deleted or left without a device also ends its open
/// sessions (its tickets are revoked). This is the gate sessions are admitted by.
/// </summary>
public sealed class NodeState(SessionOptions options) : ISessionGate
{
    private readonly ConcurrentDictionary<string, ConnectionEntry> _connections = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (DomainList List, long Revision)> _deviceLists = new();
    private (DomainList List, long Revision) _global = (new DomainList([]), 0);
    private readonly Lock _write = new();
    private readonly int _maxSessions = options.MaxSessionsPerConnection;

    public void Apply(ConnectionChanged change)
    {
        lock (_write)
        {
            var current = _connections.GetValueOrDefault(change.ConnectionId);
            if (current is not null && current.Revision >= change.Revision) return;
            var next = new ConnectionEntry(change.ConnectionId, change.DeviceId, change.PasswordHash, new DomainList(change.BlockedDomains), change.Revision,
                change.Deleted);
            // Sessions of a connection that was deleted or lost its device end; a swap or a rotation leaves them be.
            if (current is not null && (change.Deleted || change.DeviceId is null)) current.Revoke();
            else if (current is not null) next.InheritSessions(current);
            _connections[change.ConnectionId] = next;
        }
    }

    public void Apply(ProxyBlacklistChanged change)
    {
        lock (_write)
        {
            var list = (new DomainList(change.Domains), change.Revision);
            if (change.DeviceId is null)
            {
                if (change.Revision > _global.Revision) _global = list;
            }
            else if (!_deviceLists.TryGetValue(change.DeviceId, out var current) || change.Revision > current.Revision)
            {
                _deviceLists[change.DeviceId] = list;
            }
        }
    }

    /// <summary>
    /// After a whole snapshot: a connection this node held before it asked for it (<paramref name="askedAt"/>, a
    /// <see cref="System.Diagnostics.Stopwatch"/> timestamp) that the snapshot no longer has was deleted without this node
    /// hearing of it (its feed was down): it is forgotten as a deletion, its sessions ended. Returns how many.
    /// </summary>
    public int ForgetMissing(IReadOnlySet<string> present, long askedAt)
    {
        var forgotten = 0;
        lock (_write)
        {
            foreach (var (id, entry) in _connections)
            {
                if (entry.Deleted || entry.AppliedAt >= askedAt || present.Contains(id)) continue;
                entry.Revoke();
                _connections[id] = new ConnectionEntry(id, null, string.Empty, new DomainList([]), entry.Revision, deleted: true);
                forgotten++;
            }
        }
        return forgotten;
    }

    public ISessionTicket? Admit(string connectionId, string password)
    {
        if (!_connections.TryGetValue(connectionId, out var entry) || entry.Deleted || entry.DeviceId is null) return null;
        return ConnectionPassword.Matches(password, entry.PasswordHash) ? new Ticket(this, entry) : null;
    }

    /// <summary>
    /// Which list blocks the target, and by which entry; null when none does. Targets and entries compare in one normal
    /// form (<see cref="BlacklistHost"/>): an address blocks the target however the client spelled it.
    /// </summary>
    private string? BlockReasonFor(ConnectionEntry entry, ProxyTarget target)
    {
        var host = BlacklistHost.Normalize(target.Host);
        if (host is null) return "malformed target name";
        if (_global.List.Blocking(host) is { } global) return $"global blacklist: {global}";
        if (_deviceLists.TryGetValue(entry.DeviceId!, out var device) && device.List.Blocking(host) is { } onDevice) return $"device blacklist: {onDevice}";
        return entry.Blacklist.Blocking(host) is { } own ? $"connection blacklist: {own}" : null;
    }

    private sealed class ConnectionEntry(string id, string? deviceId, string passwordHash, DomainList blacklist, long revision, bool deleted)
    {
        public string Id { get; } = id;
        public string? DeviceId { get; } = deviceId;
        public string PasswordHash { get; } = passwordHash;
        public DomainList Blacklist { get; } = blacklist;
        public long Revision { get; } = revision;
        public bool Deleted { get; } = deleted;
        /// <summary>When this node took this state (<see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
        public long AppliedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
        /// <summary>The connection's open sessions: carried over by a swap or a rotation, ended by a deletion or disassociation.</summary>
        public OpenSessions Sessions { get; private set; } = new();

        public void Revoke() => Sessions.EndAll();

        public void InheritSessions(ConnectionEntry previous) => Sessions = previous.Sessions;
    }

    /// <summary>How many sessions a connection holds open, and the signal that ends them all.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001",
        Justification = "The source has no timer; it lives as long as the connection's sessions and is only ever cancelled.")]
    private sealed class OpenSessions
    {
        private readonly CancellationTokenSource _ended = new();
        public int Count;

        public CancellationToken Ended => _ended.Token;

        public void EndAll() => _ended.Cancel();
    }

    private sealed class Ticket(NodeState state, ConnectionEntry entry) : ISessionTicket
    {
        public string ConnectionId => entry.Id;
        public string DeviceId => entry.DeviceId!;
        public CancellationToken Revoked => entry.Sessions.Ended;

        public string? BlockReasonFor(ProxyTarget target) => state.BlockReasonFor(entry, target);

        public bool TryOpenSession()
        {
            if (Interlocked.Increment(ref entry.Sessions.Count) <= state._maxSessions) return true;
            Interlocked.Decrement(ref entry.Sessions.Count);
            return false;
        }

        public void CloseSession() => Interlocked.Decrement(ref entry.Sessions.Count);
    }
}
