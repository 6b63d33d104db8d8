using System.Net;
using System.Net.Sockets;

namespace ProxyNode.Tunnel;

/// <summary>
/// Which addresses a device's exit may dial. A phone sells its own mobile internet: a session may reach public unicast
/// addresses only, never the phone's own or its network's (loopback, private, carrier-grade NAT, link-local with the
/// cloud metadata address 169.254.169.254, multicast, broadcast, unspecified, reserved), in IPv4 and IPv6 alike, nor any of
/// those written as IPv6 (IPv4-mapped, NAT64, 6to4, IPv4-compatible) - so the platform's proxy can't be aimed back at the
/// phone's network, or at the platform's. An explicit allowlist of networks (PLATFORM_AGENT_ALLOW_TARGETS, CIDRs such
/// as <c>127.0.0.0/8,::1/128</c>) opens others, for demos and tests on one machine.
/// </summary>
public sealed class ExitTargetPolicy
{
    public const string AllowListVariable = "PLATFORM_AGENT_ALLOW_TARGETS";

    private static readonly (IPNetwork Network, string Name)[] Refused =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "private (carrier-grade NAT)"),
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "link-local"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "reserved"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "reserved"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"),
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("fc00::/7"), "private"),
        (IPNetwork.Parse("fe80::/10"), "link-local"),
        (IPNetwork.Parse("fec0::/10"), "private (site-local)"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Ipv4Compatible = IPNetwork.Parse("::/96");

    private readonly IReadOnlyList<IPNetwork> _allowed;

    public ExitTargetPolicy(IEnumerable<IPNetwork> allowed) => _allowed = allowed.ToList();

    /// <summary>Public addresses only.</summary>
    public static ExitTargetPolicy PublicOnly { get; } = new([]);

    /// <summary>The allowed networks as written (comma-separated CIDRs); an entry that is not one is a <see cref="FormatException"/> naming it.</summary>
    public static ExitTargetPolicy Parse(string? allowList)
    {
        var allowed = new List<IPNetwork>();
        foreach (var entry in (allowList ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            allowed.Add(IPNetwork.TryParse(entry, out var network) ? network : throw new FormatException($"{AllowListVariable}: '{entry}' is not a network (CIDR, e.g. 127.0.0.0/8)"));
        return new ExitTargetPolicy(allowed);
    }

    /// <summary>The policy the environment sets (<see cref="AllowListVariable"/>); public addresses only without it.</summary>
    public static ExitTargetPolicy FromEnvironment() => Parse(Environment.GetEnvironmentVariable(AllowListVariable));

    public IReadOnlyList<IPNetwork> Allowed => _allowed;

    /// <summary>Why the exit must not dial <paramref name="address"/> (its kind: loopback, private, link-local...); null when it may.</summary>
    public string? RefusalFor(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (_allowed.Any(n => n.Contains(plain) || n.Contains(address))) return null;
        if (plain.Equals(IPAddress.Broadcast)) return "broadcast";
        foreach (var (network, name) in Refused)
            if (network.Contains(plain)) return name;
        // An IPv4 address inside an IPv6 one (NAT64, 6to4, IPv4-compatible) is judged as that IPv4 address.
        if (plain.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedIpv4(plain) is { } inner) return RefusalFor(inner);
        return null;
    }

    private static IPAddress? EmbeddedIpv4(IPAddress v6)
    {
        var bytes = v6.GetAddressBytes();
        if (Nat64.Contains(v6) || Ipv4Compatible.Contains(v6)) return new IPAddress(bytes.AsSpan(12, 4));
        if (SixToFour.Contains(v6)) return new IPAddress(bytes.AsSpan(2, 4));
        return null;
    }
}

/// <summary>
/// How a device's exit finds a session's target: the name resolved at the phone (<see cref="Resolve"/>: its resolver,
/// or one a test controls), then only the addresses the <see cref="Policy"/> allows are dialled. A target all of whose
/// addresses are refused is refused before any connection is attempted.
/// </summary>
public sealed record ExitTargets(ExitTargetPolicy Policy, Func<string, CancellationToken, Task<IPAddress[]>>? Resolver = null)
{
    /// <summary>The phone's exit as the environment configures it (public addresses only unless allowed), with the system's resolver.</summary>
    public static ExitTargets FromEnvironment() => new(ExitTargetPolicy.FromEnvironment());

    public Task<IPAddress[]> Resolve(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal) ? Task.FromResult(new[] { literal })
            : Resolver is { } resolve ? resolve(host, cancellationToken) : Dns.GetHostAddressesAsync(host, cancellationToken);
}
