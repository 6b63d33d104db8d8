namespace Proxy.Domain.Blacklists;

/// <summary>
/// A set of blocked domain names in their normal form (see <see cref="DomainName"/>), kept sorted. Adding a name
/// already there, or removing one that isn't, changes nothing.
/// </summary>
public sealed class DomainList
{
    /// <summary>The most names one list keeps.</summary>
    public const int MaxNames = 10_000;

    private readonly SortedSet<string> _names;

    public DomainList(IEnumerable<string> names) => _names = new SortedSet<string>(names, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _names;

    /// <summary>Adds the names; false when none was new.</summary>
    public bool Add(IEnumerable<string> names)
    {
        var added = false;
        foreach (var name in names) added |= _names.Add(name);
        if (_names.Count > MaxNames) throw new BlacklistRuleException($"A blacklist holds at most {MaxNames} domains");
        return added;
    }

    /// <summary>Removes the names; false when none was there.</summary>
    public bool Remove(IEnumerable<string> names)
    {
        var removed = false;
        foreach (var name in names) removed |= _names.Remove(name);
        return removed;
    }

    /// <summary>
    /// The listed entry that blocks <paramref name="host"/> (in <see cref="BlacklistHost"/>'s normal form), if any: a
    /// name blocks itself and the names under it; an address only itself.
    /// </summary>
    public string? Blocking(string host)
    {
        if (BlacklistHost.IsAddress(host)) return _names.Contains(host) ? host : null;
        // Walk the host's suffixes (sub.example.com, example.com, com): at most one lookup per label.
        for (var at = 0; at >= 0; at = host.IndexOf('.', at) is var dot and >= 0 ? dot + 1 : -1)
        {
            var suffix = host[at..];
            if (_names.Contains(suffix)) return suffix;
        }
        return null;
    }
}

/// <summary>A blacklist rule was broken; the message names it.</summary>
public sealed class BlacklistRuleException(string message) : Platform.Domain.DomainRuleException(message);
