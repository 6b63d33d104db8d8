using System.Net;
using System.Net.Sockets;
using Platform.Testing;
using ProxyNode.Sessions;
using ProxyNode.Tunnel;

namespace ProxyNode.Tests;

/// <summary>
/// Sessions whose bytes the agent carries on a connection of its own (OPEN_DIALBACK): the tunnel carries only the
/// opening (and FIN/RESET); the agent dials the target, then the node with the one-time key. Here the "node's
/// /tunnel/streams" is a loopback socket pair handed to <see cref="DialBackStreams"/>, as the node's endpoint does after
/// its 101; the HTTP upgrade itself is exercised end to end.
/// </summary>
public sealed class DialBackTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private readonly DialBackStreams _dialBacks = new();
    private NodeHarness _node = null!;
    private MemoryTransport _agentSide = null!;
    private int _dialledBack;

    public Task InitializeAsync()
    {
        var exits = new TunnelExits(TimeSpan.FromSeconds(5), _dialBacks);
        _node = new NodeHarness(exits: exits);
        (var nodeSide, _agentSide) = MemoryTransport.Pair();
        var nodeTunnel = new TunnelConnection(nodeSide) { DialsBack = true };
        var agentTunnel = new TunnelConnection(_agentSide, onDialBack: TunnelAgent.ExitDialingBack(TestExitTargets.Loopback, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1),
            DialBackAsync, _stop.Token));
        _ = nodeTunnel.RunAsync(_stop.Token);
        _ = agentTunnel.RunAsync(_stop.Token);
        exits.Connect(NodeHarness.DeviceId, nodeTunnel);
        return Task.CompletedTask;
    }

    /// <summary>What the node's endpoint does with a dial-back: the key finds its session, which gets the connection.</summary>
    private async Task<Stream> DialBackAsync(byte[] key, string? reached, CancellationToken cancellationToken)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var agentEnd = new TcpClient { NoDelay = true };
        await agentEnd.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, cancellationToken);
        var nodeEnd = await listener.AcceptTcpClientAsync(cancellationToken);
        if (!_dialBacks.TryDeliver(Convert.ToHexString(key), nodeEnd.GetStream(), reached, out var ended))
        {
            nodeEnd.Dispose();
            agentEnd.Dispose();
            throw new IOException("no session waits for this key");
        }
        Interlocked.Increment(ref _dialledBack);
        _ = ended.ContinueWith(_ => nodeEnd.Dispose(), TaskScheduler.Default);
        return new NetworkStream(agentEnd.Client, ownsSocket: true);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task Curl_reaches_the_target_on_a_dialled_back_connection_with_nothing_but_the_opening_in_the_tunnel()
    {
        var (socks, connect, unreachable) = await _node.CurlTheTargetAndANameNoExitResolvesAsync();

        socks.Should().Be((0, "hello"));
        connect.Should().Be((0, "hello"));
        unreachable.Code.Should().NotBe(0, "the agent could not resolve the name: REFUSED in the tunnel, 0x04 to the client");
        _dialledBack.Should().Be(2);
        _agentSide.DataBytesSent.Should().Be(0, "the bytes went on the dialled-back connections");
        await Eventually.HoldsAsync(() => _node.Outcomes.Count(o => o.Action == SessionAction.Allowed) == 2, "both sessions are logged");
        _node.Outcomes.Where(o => o.Action == SessionAction.Allowed).Should().OnlyContain(o => o.ResolvedIp == "127.0.0.1" || o.ResolvedIp == "::1");
    }

    [Fact]
    public async Task A_client_half_close_reaches_the_target_as_a_fin_and_the_answer_still_comes_back()
    {
        using var target = new TcpListener(IPAddress.Loopback, 0);
        target.Start();
        var serving = Task.Run(async () =>
        {
            using var peer = await target.AcceptTcpClientAsync();
            var stream = peer.GetStream();
            var request = new MemoryStream();
            await stream.CopyToAsync(request); // until the client's half-close arrives
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"got {request.Length} bytes"));
        });
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _node.SocksPort);
        var stream = client.GetStream();
        (await NodeHarness.SocksConnectAsync(stream, _node.ConnectionId, "127.0.0.1", ((IPEndPoint)target.LocalEndpoint).Port)).Should().Be(0);

        await stream.WriteAsync(new byte[100_000]);
        client.Client.Shutdown(SocketShutdown.Send);
        var answer = new MemoryStream();
        await stream.CopyToAsync(answer);

        System.Text.Encoding.ASCII.GetString(answer.ToArray()).Should().Be("got 100000 bytes");
        await serving;
    }

    [Fact]
    public async Task A_tunnel_that_closes_ends_the_sessions_on_its_dialled_back_connections()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _node.SocksPort);
        (await NodeHarness.SocksConnectAsync(client.GetStream(), _node.ConnectionId, "127.0.0.1", _node.TargetPort)).Should().Be(0);
        await client.GetStream().WriteAsync("hold"u8.ToArray());
        await client.GetStream().ReadExactlyAsync(new byte[4]);

        _agentSide.Close();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        (await client.GetStream().ReadAsync(new byte[8], timeout.Token)).Should().Be(0, "the device is gone: its sessions end");
    }

    [Fact]
    public void A_key_nobody_waits_for_delivers_nothing()
    {
        using var stream = new MemoryStream();
        _dialBacks.TryDeliver(Convert.ToHexString(new byte[16]), stream, null, out _).Should().BeFalse();
        var (key, _, arrival) = _dialBacks.Expect();
        _dialBacks.GiveUp(key);
        _dialBacks.TryDeliver(key, stream, null, out _).Should().BeFalse("a session that stopped waiting takes no connection");
        arrival.IsCompleted.Should().BeFalse();
    }
}
