using Platform.Domain;
using Proxy.Domain.Blacklists;

namespace Proxy.Domain.Connections;

/// <summary>
/// One proxy credential: <see cref="Id"/> (a UUID, also the SOCKS5 user name) and a password, routed through one device
/// (<see cref="DeviceId"/>; null while disassociated: the credential then authenticates nothing). The password is kept
/// encrypted (<see cref="ProtectedPassword"/>, for showing it to the caller) and as a hash (<see cref="PasswordHash"/>,
/// all the proxy node gets). Every change is announced, so the nodes follow within their cache's TTL.
/// </summary>
public sealed class ProxyConnection : AggregateRoot
{
    public const int MaxNameLength = 100;

    private ProxyConnection(string id, string ownerUserId, string? name, DateTime createdAt, string? deviceId, string protectedPassword, string passwordHash,
        DomainList blacklist)
    {
        Id = id;
        OwnerUserId = ownerUserId;
        Name = name;
        CreatedAt = createdAt;
        DeviceId = deviceId;
        ProtectedPassword = protectedPassword;
        PasswordHash = passwordHash;
        Blacklist = blacklist;
    }

    public string Id { get; }
    /// <summary>Who created the connection.</summary>
    public string OwnerUserId { get; }
    public string? Name { get; }
    public DateTime CreatedAt { get; }
    public string? DeviceId { get; private set; }
    public string ProtectedPassword { get; private set; }
    public string PasswordHash { get; private set; }
    /// <summary>The connection's own blocked domains (the device's and the global list apply too).</summary>
    public DomainList Blacklist { get; }
    public bool IsDeleted { get; private set; }
    public long Version { get; private set; }

    public static ProxyConnection Create(string id, string ownerUserId, string? name, string deviceId, string protectedPassword, string passwordHash, DateTime now)
    {
        if (name is { Length: > MaxNameLength }) throw new ConnectionRuleException($"name must be at most {MaxNameLength} characters");
        var connection = new ProxyConnection(id, ownerUserId, string.IsNullOrWhiteSpace(name) ? null : name.Trim(), now, deviceId, protectedPassword, passwordHash,
            new DomainList([]));
        connection.Raise(new ConnectionChangedDomainEvent(connection, ConnectionChange.Created));
        return connection;
    }

    public static ProxyConnection Restore(string id, string ownerUserId, string? name, DateTime createdAt, string? deviceId, string protectedPassword,
        string passwordHash, IEnumerable<string> blacklist, long version) =>
        new(id, ownerUserId, name, createdAt, deviceId, protectedPassword, passwordHash, new DomainList(blacklist)) { Version = version };

    /// <summary>A new password, same id: new sessions need it; sessions already open go on.</summary>
    public void RotatePassword(string protectedPassword, string passwordHash)
    {
        ProtectedPassword = protectedPassword;
        PasswordHash = passwordHash;
        Raise(new ConnectionChangedDomainEvent(this, ConnectionChange.PasswordRotated));
    }

    /// <summary>New sessions exit through <paramref name="deviceId"/>; sessions already open stay on the old device until they close.</summary>
    public void RouteThrough(string deviceId)
    {
        if (DeviceId == deviceId) return;
        DeviceId = deviceId;
        Raise(new ConnectionChangedDomainEvent(this, ConnectionChange.DeviceSwapped));
    }

    /// <summary>No device: the credential authenticates nothing until one is set, and open sessions end.</summary>
    public void Disassociate()
    {
        if (DeviceId is null) return;
        DeviceId = null;
        Raise(new ConnectionChangedDomainEvent(this, ConnectionChange.DeviceRemoved));
    }

    public void Block(IEnumerable<string> domains)
    {
        if (Blacklist.Add(domains)) Raise(new ConnectionChangedDomainEvent(this, ConnectionChange.BlacklistChanged));
    }

    public void Unblock(IEnumerable<string> domains)
    {
        if (Blacklist.Remove(domains)) Raise(new ConnectionChangedDomainEvent(this, ConnectionChange.BlacklistChanged));
    }

    /// <summary>Gone: open sessions end, the credential authenticates nothing.</summary>
    public void Delete()
    {
        if (IsDeleted) return;
        IsDeleted = true;
        Raise(new ConnectionChangedDomainEvent(this, ConnectionChange.Deleted));
    }

    public void MarkStored(long version) => Version = version;
}

/// <summary>What changed about a connection; the nodes end open sessions on <see cref="Deleted"/> and <see cref="DeviceRemoved"/>.</summary>
public enum ConnectionChange
{
    Created,
    PasswordRotated,
    DeviceSwapped,
    DeviceRemoved,
    BlacklistChanged,
    Deleted,
}

public sealed record ConnectionChangedDomainEvent(ProxyConnection Connection, ConnectionChange Change) : IDomainEvent;

/// <summary>A connection rule was broken; the message names it.</summary>
public sealed class ConnectionRuleException(string message) : DomainRuleException(message);
