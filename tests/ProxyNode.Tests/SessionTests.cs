using System.Net;
using System.Net.Sockets;
using System.Text;
using Platform.Contracts.Proxy;
using Platform.Testing;
using ProxyNode.Sessions;

namespace ProxyNode.Tests;

/// <summary>
/// The node's sessions with real clients (curl, .NET's HttpClient, and raw SOCKS5 bytes): reaching a local target,
/// bad credentials, each blacklist, an unreachable exit, the session limit, and a deletion ending an open session.
/// </summary>
public sealed class SessionTests : IAsyncLifetime
{
    private NodeHarness _node = null!;

    public Task InitializeAsync()
    {
        _node = new NodeHarness(new SessionOptions { MaxSessionsPerConnection = 2 });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private string Target => $"http://localhost:{_node.TargetPort}/";

    [Fact]
    public async Task Curl_reaches_the_target_through_socks5_with_the_name_resolved_at_the_exit_and_through_http_connect()
    {
        var socks = await Curl.RunAsync("--socks5-hostname", $"{_node.ConnectionId}:{NodeHarness.Password}@127.0.0.1:{_node.SocksPort}", Target);
        var connect = await Curl.RunAsync("-p", "-x", $"http://{_node.ConnectionId}:{NodeHarness.Password}@127.0.0.1:{_node.ConnectPort}", Target);

        socks.Should().Be((0, "hello"));
        connect.Should().Be((0, "hello"));
        await Eventually.HoldsAsync(() => _node.Outcomes.Count(o => o.Action == SessionAction.Allowed) == 2, "both sessions logged");
        var logged = _node.Outcomes.Where(o => o.Action == SessionAction.Allowed).ToList();
        logged.Should().OnlyContain(o => o.ConnectionId == _node.ConnectionId && o.DeviceId == NodeHarness.DeviceId && o.BytesIn > 0 && o.BytesOut > 0);
        logged.Should().OnlyContain(o => o.Target!.Host == "localhost" && o.Target.Type == TargetType.Domain, "the name went to the exit, unresolved");
    }

    [Fact]
    public async Task Dotnets_socks5_client_reaches_the_target()
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            Proxy = new WebProxy($"socks5://127.0.0.1:{_node.SocksPort}") { Credentials = new NetworkCredential(_node.ConnectionId, NodeHarness.Password) },
        });

        (await http.GetStringAsync(Target)).Should().Be("hello");
    }

    [Fact]
    public async Task Bad_credentials_are_the_rfc_1929_failure_and_a_407_and_a_rotated_password_takes_over()
    {
        var socks = await Curl.RunAsync("--socks5-hostname", $"{_node.ConnectionId}:wrong@127.0.0.1:{_node.SocksPort}", Target);
        var connect = await Curl.RunAsync("-p", "-x", $"http://{_node.ConnectionId}:wrong@127.0.0.1:{_node.ConnectPort}", "-w", "%{http_connect}", Target);
        var raw = await RawSocksAsync(_node.ConnectionId, "wrong", "localhost", _node.TargetPort);

        socks.Code.Should().NotBe(0);
        connect.Output.Should().Contain("407");
        raw.AuthStatus.Should().Be(1, "RFC 1929: a non-zero status is a failure");

        _node.State.Apply(new ConnectionChanged(_node.ConnectionId, NodeHarness.DeviceId, NodeHarness.HashOf("rotated-password"), [], "password-rotated", false, 2));
        (await RawSocksAsync(_node.ConnectionId, NodeHarness.Password, "localhost", _node.TargetPort)).AuthStatus.Should().Be(1, "the old password no longer opens");
        (await RawSocksAsync(_node.ConnectionId, "rotated-password", "localhost", _node.TargetPort)).Reply.Should().Be(0);
    }

    [Theory]
    [InlineData("global")]
    [InlineData("device")]
    [InlineData("connection")]
    public async Task Each_blacklist_blocks_the_name_and_the_names_under_it_before_anything_is_dialled(string level)
    {
        IReadOnlyList<string> blocked = ["blocked.test"];
        if (level == "global") _node.State.Apply(new ProxyBlacklistChanged(null, blocked, 1));
        if (level == "device") _node.State.Apply(new ProxyBlacklistChanged(NodeHarness.DeviceId, blocked, 1));
        if (level == "connection") _node.State.Apply(new ConnectionChanged(_node.ConnectionId, NodeHarness.DeviceId, NodeHarness.HashOf(NodeHarness.Password), blocked,
            "blacklist-changed", false, 2));

        var socks = await RawSocksAsync(_node.ConnectionId, NodeHarness.Password, "WWW.Blocked.Test", 80);
        var connect = await Curl.RunAsync("-p", "-x", $"http://{_node.ConnectionId}:{NodeHarness.Password}@127.0.0.1:{_node.ConnectPort}", "-w", "%{http_connect}",
            "http://sub.blocked.test/");
        var beside = await RawSocksAsync(_node.ConnectionId, NodeHarness.Password, "notblocked.test", 80);

        socks.Reply.Should().Be(2, "SOCKS5 0x02: connection not allowed by ruleset");
        connect.Output.Should().Contain("403");
        beside.Reply.Should().NotBe(2, "badexample-style names are not under the blocked one");
        _node.Exits.Dialled.Should().NotContain(h => h.Contains("blocked.test", StringComparison.OrdinalIgnoreCase) && !h.StartsWith("notblocked", StringComparison.Ordinal));
        await Eventually.HoldsAsync(() => _node.Outcomes.Count(o => o.Action == SessionAction.Blocked) == 2, "both refusals logged");
        _node.Outcomes.Where(o => o.Action == SessionAction.Blocked).Should().OnlyContain(o => o.BlockReason == $"{level} blacklist: blocked.test");
    }

    [Theory]
    [InlineData("2852039166")]
    [InlineData("0xa9fea9fe")]
    [InlineData("169.254.43518")]
    [InlineData("169.254.169.254")]
    public async Task A_blacklisted_address_blocks_every_spelling_of_it_before_anything_is_dialled(string spelling)
    {
        _node.State.Apply(new ProxyBlacklistChanged(null, ["169.254.169.254"], 1));

        var socks = await RawSocksAsync(_node.ConnectionId, NodeHarness.Password, spelling, 80);

        socks.Reply.Should().Be(2);
        _node.Exits.Dialled.Should().BeEmpty();
        await Eventually.HoldsAsync(() => _node.Outcomes.Any(o => o.Action == SessionAction.Blocked), "the refusal logged");
        _node.Outcomes.Single(o => o.Action == SessionAction.Blocked).BlockReason.Should().Be("global blacklist: 169.254.169.254");
    }

    [Fact]
    public async Task An_unreachable_exit_is_socks5_0x04_and_a_502()
    {
        _node.Exits.Offline.Add(NodeHarness.DeviceId);

        var socks = await RawSocksAsync(_node.ConnectionId, NodeHarness.Password, "localhost", _node.TargetPort);
        var connect = await Curl.RunAsync("-p", "-x", $"http://{_node.ConnectionId}:{NodeHarness.Password}@127.0.0.1:{_node.ConnectPort}", "-w", "%{http_connect}", Target);

        socks.Reply.Should().Be(4);
        connect.Output.Should().Contain("502");
    }

    [Fact]
    public async Task A_connection_holds_at_most_its_session_limit_and_a_deletion_ends_its_open_sessions()
    {
        using var first = await HoldAsync();
        using var second = await HoldAsync();
        var third = await RawSocksAsync(_node.ConnectionId, NodeHarness.Password, "localhost", _node.TargetPort);
        third.Reply.Should().Be(5, "the limit is 2 here");

        _node.State.Apply(new ConnectionChanged(_node.ConnectionId, NodeHarness.DeviceId, NodeHarness.HashOf(NodeHarness.Password), [], "deleted", true, 2));

        (await ReadsEndAsync(first)).Should().BeTrue("a deleted connection's sessions end");
        (await ReadsEndAsync(second)).Should().BeTrue();
        (await RawSocksAsync(_node.ConnectionId, NodeHarness.Password, "localhost", _node.TargetPort)).AuthStatus.Should().Be(1, "and it authenticates nothing");
    }

    [Fact]
    public async Task Sixteen_sessions_racing_for_a_limit_of_two_get_exactly_two_slots_and_the_slots_come_back_when_they_close()
    {
        for (var round = 0; round < 3; round++)
        {
            var clients = Enumerable.Range(0, 16).Select(_ => new TcpClient()).ToList();
            try
            {
                var replies = await Task.WhenAll(clients.Select(async client =>
                {
                    await client.ConnectAsync(IPAddress.Loopback, _node.SocksPort);
                    return (await HandshakeAsync(client.GetStream(), _node.ConnectionId, NodeHarness.Password, "localhost", _node.TargetPort)).Reply;
                }));

                replies.Count(r => r == 0).Should().Be(2, $"round {round}: the limit is 2, however the sessions race");
                replies.Count(r => r == 5).Should().Be(14);
            }
            finally
            {
                foreach (var client in clients) client.Dispose();
            }
            // Every slot is given back once its session ends (a session's outcome is recorded after that): the next
            // round finds the connection empty.
            var ended = 16 * (round + 1);
            await Eventually.HoldsAsync(() => _node.Outcomes.Count == ended, $"all {ended} sessions so far ended");
        }
    }

    [Fact]
    public async Task A_snapshot_without_a_connection_the_node_held_before_it_asked_forgets_it_and_ends_its_sessions()
    {
        using var open = await HoldAsync();
        var askedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var createdMeanwhile = Guid.NewGuid().ToString();
        _node.State.Apply(new ConnectionChanged(createdMeanwhile, NodeHarness.DeviceId, NodeHarness.HashOf(NodeHarness.Password), [], "created", false, 1));

        // The snapshot has neither: the first was deleted while the node's feed was down; the second came after the question.
        _node.State.ForgetMissing(new HashSet<string>(), askedAt).Should().Be(1);

        (await ReadsEndAsync(open)).Should().BeTrue("the forgotten connection's sessions end");
        (await RawSocksAsync(_node.ConnectionId, NodeHarness.Password, "localhost", _node.TargetPort)).AuthStatus.Should().Be(1);
        (await RawSocksAsync(createdMeanwhile, NodeHarness.Password, "localhost", _node.TargetPort)).Reply.Should().Be(0, "what changed while the snapshot was read stays");
        _node.State.Apply(new ConnectionChanged(_node.ConnectionId, NodeHarness.DeviceId, NodeHarness.HashOf(NodeHarness.Password), [], "created", false, 1));
        (await RawSocksAsync(_node.ConnectionId, NodeHarness.Password, "localhost", _node.TargetPort)).AuthStatus.Should().Be(1, "an old change can't bring it back");
    }

    [Fact]
    public async Task A_hot_swap_leaves_open_sessions_where_they_are()
    {
        using var open = await HoldAsync();

        _node.State.Apply(new ConnectionChanged(_node.ConnectionId, "device-2", NodeHarness.HashOf(NodeHarness.Password), [], "device-swapped", false, 2));

        var stream = open.GetStream();
        await stream.WriteAsync("hold again"u8.ToArray());
        var buffer = new byte[64];
        (await stream.ReadAsync(buffer)).Should().BeGreaterThan(0, "the open session goes on");
        (await RawSocksAsync(_node.ConnectionId, NodeHarness.Password, "localhost", _node.TargetPort)).Reply.Should().Be(0);
    }

    [Fact]
    public async Task An_idle_session_is_closed_after_the_idle_timeout()
    {
        await using var node = new NodeHarness(new SessionOptions { IdleTimeout = TimeSpan.FromMilliseconds(300) });
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, node.SocksPort);
        (await HandshakeAsync(client.GetStream(), node.ConnectionId, NodeHarness.Password, "localhost", node.TargetPort)).Reply.Should().Be(0);
        await client.GetStream().WriteAsync("hold"u8.ToArray());
        await client.GetStream().ReadExactlyAsync(new byte[4]);

        (await ReadsEndAsync(client)).Should().BeTrue("nothing moved for longer than the idle timeout");
        await Eventually.HoldsAsync(() => node.Outcomes.Any(o => o.Action == SessionAction.Allowed && o.BytesIn == 4 && o.BytesOut == 4), "the session logged its bytes");
    }

    /// <summary>A SOCKS5 session, held open through the target (which echoes "hold" messages).</summary>
    private async Task<TcpClient> HoldAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _node.SocksPort);
        var (auth, reply) = await HandshakeAsync(client.GetStream(), _node.ConnectionId, NodeHarness.Password, "localhost", _node.TargetPort);
        auth.Should().Be(0);
        reply.Should().Be(0);
        await client.GetStream().WriteAsync("hold"u8.ToArray());
        var echo = new byte[4];
        await client.GetStream().ReadExactlyAsync(echo);
        return client;
    }

    private static async Task<bool> ReadsEndAsync(TcpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            return await client.GetStream().ReadAsync(new byte[16], timeout.Token) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private async Task<(int AuthStatus, int Reply)> RawSocksAsync(string user, string password, string host, int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _node.SocksPort);
        return await HandshakeAsync(client.GetStream(), user, password, host, port);
    }

    /// <summary>Greeting, RFC 1929 authentication and a CONNECT to a domain target; the auth status and the reply code (-1 when there was none).</summary>
    private static async Task<(int AuthStatus, int Reply)> HandshakeAsync(NetworkStream stream, string user, string password, string host, int port)
    {
        await stream.WriteAsync(new byte[] { 5, 1, 2 });
        var method = new byte[2];
        await stream.ReadExactlyAsync(method);
        method.Should().Equal(5, 2);
        var u = Encoding.UTF8.GetBytes(user);
        var p = Encoding.UTF8.GetBytes(password);
        await stream.WriteAsync(new byte[] { 1, (byte)u.Length }.Concat(u).Append((byte)p.Length).Concat(p).ToArray());
        var auth = new byte[2];
        await stream.ReadExactlyAsync(auth);
        if (auth[1] != 0) return (auth[1], -1);
        var h = Encoding.ASCII.GetBytes(host);
        await stream.WriteAsync(new byte[] { 5, 1, 0, 3, (byte)h.Length }.Concat(h).Concat(new[] { (byte)(port >> 8), (byte)(port & 0xFF) }).ToArray());
        var reply = new byte[10];
        await stream.ReadExactlyAsync(reply);
        return (0, reply[1]);
    }
}
