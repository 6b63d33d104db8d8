using System.Net;
using System.Net.Sockets;

namespace Proxy.Domain.Blacklists;

/// <summary>
/// A blacklist entry, or a session's target, in the one form the lists compare: a domain name as <see cref="DomainName"/>
/// keeps it, or an IP address in its canonical spelling. Every way a resolver reads an IPv4 address - 2852039166,
/// 0xa9fea9fe, 0251.0376.0251.0376, 169.254.43518, ::ffff:169.254.169.254 - is 169.254.169.254 here, so a list that blocks
/// the address blocks it however a client writes it. IPv6 addresses are lower case and compressed, without brackets.
/// </summary>
public static class BlacklistHost
{
    /// <summary>The normal form of <paramref name="raw"/> (an address or a domain name); null when it is neither.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var host = raw.Trim();
        if (host.EndsWith('.')) host = host[..^1];
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        return AddressOf(host)?.ToString() ?? DomainName.Normalize(host);
    }

    /// <summary>Whether a normal form is an address (compared whole) rather than a name (which blocks the names under it).</summary>
    public static bool IsAddress(string normalized) => AddressOf(normalized) is not null;

    /// <summary>
    /// The address a resolver would read in <paramref name="host"/>, IPv4-mapped IPv6 read as IPv4; null for a name. Only the
    /// characters of numeric forms are considered (digits, hex, x, dots, colons), and no scope (%eth0).
    /// </summary>
    private static IPAddress? AddressOf(string host)
    {
        if (host.Length == 0 || host.Length > 64 || !host.All(c => char.IsAsciiHexDigit(c) || c is '.' or ':' or 'x' or 'X')) return null;
        if (!IPAddress.TryParse(host, out var address)) return null;
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && !host.Contains(':')) return null;
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }
}
