using Platform.Domain;

namespace Proxy.Domain.Blacklists;

/// <summary>
/// A blacklist beyond a connection's own: the global one (the admins', route 57) or a device's (its owner's, route 58,
/// for every connection through it). Every change is announced, so the nodes follow.
/// </summary>
public sealed class Blacklist : AggregateRoot
{
    public const string GlobalId = "global";

    private Blacklist(string id, DomainList domains, long version)
    {
        Id = id;
        Domains = domains;
        Version = version;
    }

    /// <summary><see cref="GlobalId"/>, or <see cref="OfDevice"/>'s id.</summary>
    public string Id { get; }
    public DomainList Domains { get; }
    public long Version { get; private set; }
    /// <summary>The device the list is for; null for the global list.</summary>
    public string? DeviceId => Id.StartsWith(DevicePrefix, StringComparison.Ordinal) ? Id[DevicePrefix.Length..] : null;

    private const string DevicePrefix = "device:";

    public static string OfDevice(string deviceId) => DevicePrefix + deviceId;

    public static Blacklist Empty(string id) => new(id, new DomainList([]), 0);

    public static Blacklist Restore(string id, IEnumerable<string> domains, long version) => new(id, new DomainList(domains), version);

    public void Block(IEnumerable<string> domains)
    {
        if (Domains.Add(domains)) Raise(new BlacklistChangedDomainEvent(this));
    }

    public void Unblock(IEnumerable<string> domains)
    {
        if (Domains.Remove(domains)) Raise(new BlacklistChangedDomainEvent(this));
    }

    public void MarkStored(long version) => Version = version;
}

public sealed record BlacklistChangedDomainEvent(Blacklist Blacklist) : IDomainEvent;
