using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Hosting;
using Platform.Contracts.Proxy;
using Platform.Testing;
using ProxyNode.Tunnel;

namespace ProxyNode.Tests;

/// <summary>
/// The node process in memory (ProxyNode.Host: its listeners on free ports, the change feed on MassTransit's test
/// harness, no control plane to read a snapshot from, no ClickHouse): who may open a device's tunnel at /tunnel, and a
/// session through a tunnel opened there to a connection the change feed announced.
/// </summary>
public sealed class NodeHostTests : IClassFixture<NodeHostTests.NodeHost>
{
    private readonly NodeHost _node;

    public NodeHostTests(NodeHost node) => _node = node;

    public sealed class NodeHost : ServiceFactory<Program>
    {
        public int SocksPort { get; } = FreePorts.Any();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("PLATFORM_SOCKS_PORT", SocksPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("PLATFORM_CONNECT_PORT", FreePorts.Any().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("PLATFORM_TUNNEL_STREAMS_PORT", FreePorts.Any().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("ConnectionStrings:clickhouse", string.Empty);
            // Nothing answers here: the node never reads a snapshot, so what it admits comes from the change feed alone.
            builder.UseSetting("Node:ControlPlaneUrl", "http://127.0.0.1:9");
        }
    }

    [Fact]
    public async Task A_tunnel_without_a_token_or_with_a_bad_one_is_a_401()
    {
        using var anonymous = _node.CreateClient();
        using var expired = _node.ClientWithToken(_node.Tokens.Expired("owner-1"));
        using var foreign = _node.ClientWithToken(_node.Tokens.For("owner-1", foreignKey: true));

        foreach (var client in new[] { anonymous, expired, foreign })
        {
            using var response = await client.GetAsync(new Uri("/tunnel", UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task A_users_token_or_a_running_tasks_token_is_a_403_with_a_problem_saying_which_token_the_tunnel_takes()
    {
        using var user = _node.ClientFor("owner-1");
        using var task = _node.AgentClientFor("owner-1", "device-1", jobTaskId: "task-1");

        foreach (var client in new[] { user, task })
        {
            using var response = await client.GetAsync(new Uri("/tunnel", UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
            (await response.Content.ReadAsStringAsync()).Should().Contain("agent token");
        }
    }

    [Fact]
    public async Task A_devices_token_without_a_websocket_upgrade_is_a_400()
    {
        using var agent = _node.AgentClientFor("owner-1", "device-1");

        using var response = await agent.GetAsync(new Uri("/tunnel", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("WebSocket");
    }

    [Fact]
    public async Task The_node_is_not_ready_until_it_has_read_the_control_planes_state()
    {
        using var client = _node.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "no control plane answers, so the node has never read its state");
    }

    [Fact]
    public async Task A_session_for_a_connection_the_change_feed_announced_exits_through_the_tunnel_its_device_opened_at_tunnel()
    {
        var deviceId = Guid.NewGuid().ToString();
        var connectionId = Guid.NewGuid().ToString();
        using var target = new TcpListener(IPAddress.Loopback, 0);
        target.Start();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // Before the device connects and before the node hears of the connection: the session is refused.
        (await SocksConnectAsync(connectionId, ((IPEndPoint)target.LocalEndpoint).Port)).Should().NotBe(0);

        await _node.Harness.Bus.Publish(new ConnectionChanged(connectionId, deviceId, NodeHarness.HashOf(NodeHarness.Password), [], "created", false, 1));
        var socket = _node.Server.CreateWebSocketClient();
        socket.ConfigureRequest = request => request.Headers.Authorization =
            new AuthenticationHeaderValue("Bearer", _node.Tokens.ForAgent("owner-1", deviceId)).ToString();
        using var webSocket = await socket.ConnectAsync(new Uri(_node.Server.BaseAddress, "/tunnel"), stop.Token);
        using var agent = new TunnelConnection(new WebSocketTransport(webSocket), TunnelAgent.Exit(TestExitTargets.Loopback, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), stop.Token));
        _ = agent.RunAsync(stop.Token);

        // The feed and the tunnel both land asynchronously: the first session that connects is the proof.
        await Eventually.HoldsAsync(async () => await SocksConnectAsync(connectionId, ((IPEndPoint)target.LocalEndpoint).Port) == 0,
            "a session through the announced connection reached the target through the device's tunnel");
        using var reached = await target.AcceptTcpClientAsync(stop.Token);
        reached.Connected.Should().BeTrue();
        await stop.CancelAsync();
    }

    private async Task<int> SocksConnectAsync(string connectionId, int targetPort)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _node.SocksPort);
        await using var stream = client.GetStream();
        try
        {
            return await NodeHarness.SocksConnectAsync(stream, connectionId, "127.0.0.1", targetPort);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException)
        {
            return -1; // refused at authentication: the node closes after the failure status
        }
    }
}
