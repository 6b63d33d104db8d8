using System.Net;
using System.Net.Sockets;
using Platform.Testing;
using ProxyNode.Sessions;
using ProxyNode.Tunnel;

namespace ProxyNode.Tests;

/// <summary>
/// A device's exit reaches public addresses only: a session aimed at the phone's own network or the platform's
/// (loopback, private, link-local with the cloud metadata address, multicast, unspecified; IPv4 and IPv6, in any
/// spelling) is refused before anything is dialled - SOCKS5 0x02, HTTP 403, a "blocked" row in the request log with the
/// reason. An explicit allowlist opens networks for local demos and tests. Nothing here dials anything but loopback:
/// refused addresses come from the policy itself or from a resolver the test controls.
/// </summary>
public sealed class ExitTargetTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private NodeHarness _node = null!;
    private readonly Dictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);

    public Task InitializeAsync()
    {
        var exits = new TunnelExits(TimeSpan.FromSeconds(5));
        _node = new NodeHarness(exits: exits);
        (var nodeSide, var agentSide) = MemoryTransport.Pair();
        var nodeTunnel = new TunnelConnection(nodeSide);
        // The phone's exit with the default policy (public addresses only), and a resolver this test controls.
        var targets = new ExitTargets(ExitTargetPolicy.PublicOnly, (host, _) => Task.FromResult(_names.TryGetValue(host, out var a) ? a : []));
        var agentTunnel = new TunnelConnection(agentSide, TunnelAgent.Exit(targets, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), _stop.Token));
        _ = nodeTunnel.RunAsync(_stop.Token);
        _ = agentTunnel.RunAsync(_stop.Token);
        exits.Connect(NodeHarness.DeviceId, nodeTunnel);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _node.DisposeAsync();
    }

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("100.64.0.1", "private (carrier-grade NAT)")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd00:ec2::254", "private")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("2002:a9fe:a9fe::1", "link-local")]
    [InlineData("2002:7f00:1::1", "loopback")]
    public void Addresses_of_the_phones_own_network_or_the_platforms_are_refused(string address, string kind) =>
        ExitTargetPolicy.PublicOnly.RefusalFor(IPAddress.Parse(address)).Should().Be(kind);

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void Public_addresses_are_allowed(string address) =>
        ExitTargetPolicy.PublicOnly.RefusalFor(IPAddress.Parse(address)).Should().BeNull();

    [Fact]
    public void An_allowlist_opens_exactly_its_networks_and_a_malformed_one_is_refused_naming_the_entry()
    {
        var policy = ExitTargetPolicy.Parse("127.0.0.0/8, ::1/128");

        policy.RefusalFor(IPAddress.Parse("127.0.0.1")).Should().BeNull();
        policy.RefusalFor(IPAddress.Parse("::ffff:127.0.0.1")).Should().BeNull();
        policy.RefusalFor(IPAddress.IPv6Loopback).Should().BeNull();
        policy.RefusalFor(IPAddress.Parse("169.254.169.254")).Should().Be("link-local");
        policy.RefusalFor(IPAddress.Parse("10.0.0.1")).Should().Be("private");
        FluentActions.Invoking(() => ExitTargetPolicy.Parse("127.0.0.0/8,localhost"))
            .Should().Throw<FormatException>().WithMessage("PLATFORM_AGENT_ALLOW_TARGETS: 'localhost' is not a network (CIDR, e.g. 127.0.0.0/8)");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("2852039166")]
    [InlineData("0xa9fea9fe")]
    [InlineData("169.254.43518")]
    public async Task A_session_to_a_refused_address_in_any_spelling_is_blocked_before_anything_is_dialled(string host)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _node.SocksPort);

        var reply = await NodeHarness.SocksConnectAsync(client.GetStream(), _node.ConnectionId, host, 80);

        reply.Should().Be(0x02, "connection not allowed by ruleset");
        await Eventually.HoldsAsync(() => _node.Outcomes.Any(o => o.Target?.Host == host), "the session is logged");
        var outcome = _node.Outcomes.Single(o => o.Target?.Host == host);
        (outcome.Action, outcome.BlockReason).Should().Be((SessionAction.Blocked, SessionExit.DestinationRefused));
    }

    [Fact]
    public async Task A_name_that_resolves_at_the_phone_to_the_metadata_address_is_blocked_and_http_connect_answers_403()
    {
        _names["metadata.internal.test"] = [IPAddress.Parse("169.254.169.254")];
        _names["rebinding.test"] = [IPAddress.Parse("10.0.0.7"), IPAddress.Parse("fd00::7")];

        var socks = await Curl.RunAsync("--socks5-hostname", $"{_node.ConnectionId}:{NodeHarness.Password}@127.0.0.1:{_node.SocksPort}",
            "http://metadata.internal.test/latest/meta-data/");
        var connect = await Curl.RunAsync("-s", "-o", "/dev/null", "-w", "%{http_connect}", "-p", "-x",
            $"http://{_node.ConnectionId}:{NodeHarness.Password}@127.0.0.1:{_node.ConnectPort}", "http://rebinding.test/");

        socks.Code.Should().NotBe(0);
        connect.Output.Should().StartWith("403", "the CONNECT is answered 403 Forbidden");
        await Eventually.HoldsAsync(() => _node.Outcomes.Count(o => o.Action == SessionAction.Blocked) >= 2, "both logged as blocked");
        _node.Outcomes.Where(o => o.Action == SessionAction.Blocked).Select(o => o.BlockReason).Should().AllBe(SessionExit.DestinationRefused);
    }
}
