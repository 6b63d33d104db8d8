using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Platform.Contracts.Proxy;
using Platform.Testing;
using ProxyNode.Sessions;
using ProxyNode.Tunnel;

namespace ProxyNode.Tests;

/// <summary>
/// Sessions through a device's tunnel (an in-memory message transport here; a WebSocket in the node): curl through the
/// node and the agent's exit to a local target, credit-based flow control holding a fast sender back, and a tunnel that
/// closes ending its sessions.
/// </summary>
public sealed class TunnelTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _stop = new();
    private NodeHarness _node = null!;
    private TunnelExits _exits = null!;
    private MemoryTransport _agentSide = null!;
    private TunnelConnection _nodeTunnel = null!;

    public Task InitializeAsync()
    {
        _exits = new TunnelExits(TimeSpan.FromSeconds(5));
        _node = new NodeHarness(exits: _exits);
        (var nodeSide, _agentSide) = MemoryTransport.Pair();
        _nodeTunnel = new TunnelConnection(nodeSide);
        var agentTunnel = new TunnelConnection(_agentSide, TunnelAgent.Exit(TestExitTargets.Loopback, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), _stop.Token));
        _ = _nodeTunnel.RunAsync(_stop.Token);
        _ = agentTunnel.RunAsync(_stop.Token);
        _exits.Connect(NodeHarness.DeviceId, _nodeTunnel);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task Curl_reaches_a_local_target_through_the_node_and_the_devices_tunnel_with_the_name_resolved_at_the_exit()
    {
        var (socks, connect, unreachable) = await _node.CurlTheTargetAndANameNoExitResolvesAsync();

        socks.Should().Be((0, "hello"));
        connect.Should().Be((0, "hello"));
        unreachable.Code.Should().NotBe(0, "the exit could not resolve the name: the device answers REFUSED, the client 0x04");
    }

    [Fact]
    public async Task A_writer_is_held_to_one_window_until_the_reader_reads_and_every_byte_arrives_in_order()
    {
        var payload = new byte[4 * TunnelFrames.Window];
        Random.Shared.NextBytes(payload);
        var (nodeSide, agentSide) = MemoryTransport.Pair();
        var wrote = new TaskCompletionSource();
        using var node = new TunnelConnection(nodeSide);
        using var agent = new TunnelConnection(agentSide, async (tunnel, id, _, _) =>
        {
            var stream = await tunnel.Accept(id, null, _stop.Token);
            await stream.WriteAsync(payload, _stop.Token);
            await stream.CloseSendingAsync(_stop.Token);
            wrote.SetResult();
        });
        _ = node.RunAsync(_stop.Token);
        _ = agent.RunAsync(_stop.Token);

        await using var opened = (await node.OpenAsync("target.test", 443, TimeSpan.FromSeconds(5), _stop.Token)).Stream!;
        await Eventually.HoldsAsync(() => agentSide.DataBytesSent >= TunnelFrames.Window, "the agent sent its first window");
        // Given time to send more, it doesn't: nothing was read, so no credit came back.
        await Task.Delay(200);

        agentSide.DataBytesSent.Should().Be(TunnelFrames.Window, "the agent may send one window ahead of what the node has read");
        wrote.Task.IsCompleted.Should().BeFalse();
        var received = new MemoryStream();
        await opened.CopyToAsync(received);
        received.ToArray().Should().Equal(payload);
        await wrote.Task;
    }

    [Fact]
    public async Task Four_megabytes_from_a_target_reach_a_socks5_client_through_the_tunnel_intact()
    {
        var payload = new byte[4 * 1024 * 1024];
        Random.Shared.NextBytes(payload);
        using var target = new TcpListener(IPAddress.Loopback, 0);
        target.Start();
        var sending = Task.Run(async () =>
        {
            using var peer = await target.AcceptTcpClientAsync();
            var stream = peer.GetStream();
            await stream.WriteAsync(payload);
            peer.Client.Shutdown(SocketShutdown.Send);
            // Wait for the client's end (its close) before letting go of the socket.
            _ = await stream.ReadAsync(new byte[1]);
        });
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _node.SocksPort);
        (await NodeHarness.SocksConnectAsync(client.GetStream(), _node.ConnectionId, "localhost", ((IPEndPoint)target.LocalEndpoint).Port)).Should().Be(0);

        var received = new MemoryStream();
        await client.GetStream().CopyToAsync(received);

        received.ToArray().Should().Equal(payload);
        client.Close();
        await sending;
    }

    [Fact]
    public async Task A_tunnel_that_closes_ends_its_open_sessions_and_its_device_is_unreachable_until_it_connects_again()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _node.SocksPort);
        (await NodeHarness.SocksConnectAsync(client.GetStream(), _node.ConnectionId, "localhost", _node.TargetPort)).Should().Be(0);
        await client.GetStream().WriteAsync("hold"u8.ToArray());
        await client.GetStream().ReadExactlyAsync(new byte[4]);

        _agentSide.Close();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        (await client.GetStream().ReadAsync(new byte[8], timeout.Token)).Should().Be(0, "the session ended with its tunnel");
        using var again = new TcpClient();
        await again.ConnectAsync(IPAddress.Loopback, _node.SocksPort);
        (await NodeHarness.SocksConnectAsync(again.GetStream(), _node.ConnectionId, "localhost", _node.TargetPort)).Should().Be(4);
    }
}

/// <summary>Two ends of an in-memory message transport; counts the DATA bytes its side sent.</summary>
/// <summary>
/// An agent that doesn't play by the tunnel's rules: it answers the node's OPEN, then sends DATA frames without waiting
/// for credit, far past the window. The node resets the stream at the first byte past the window and holds no more
/// than one window of it.
/// </summary>
public sealed class FloodingAgentTests
{
    [Fact]
    public async Task An_agent_that_sends_past_the_window_has_its_stream_reset_and_the_node_holds_at_most_one_window()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var (nodeSide, agentSide) = MemoryTransport.Pair();
        using var node = new TunnelConnection(nodeSide);
        _ = node.RunAsync(stop.Token);

        var opening = node.OpenAsync("target.test", 443, TimeSpan.FromSeconds(5), stop.Token);
        var open = (await agentSide.ReceiveAsync(stop.Token))!.Value;
        var id = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(open.Span[1..5]);
        await agentSide.SendAsync(TunnelFrames.Opened(id, "203.0.113.7"), stop.Token);
        await using var stream = (await opening).Stream!;

        // Eight windows' worth, as fast as the transport takes them, no credit asked.
        var chunk = new byte[TunnelFrames.MaxData];
        for (var sent = 0; sent < 8 * TunnelFrames.Window; sent += chunk.Length) await agentSide.SendAsync(TunnelFrames.Data(id, chunk), stop.Token);

        // The node answers RESET for the stream.
        var reset = false;
        while (!reset && await agentSide.ReceiveAsync(stop.Token) is { } frame)
            reset = frame.Span[0] == (byte)TunnelFrameType.Reset && System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(frame.Span[1..5]) == id;
        reset.Should().BeTrue("the agent broke the window");
        stream.Buffered.Should().BeLessThanOrEqualTo(TunnelFrames.Window, "what was sent past the window was dropped, not kept");
        var read = 0L;
        var buffer = new byte[64 * 1024];
        var readAll = async () => { int n; while ((n = await stream.ReadAsync(buffer, stop.Token)) > 0) read += n; };
        await readAll.Should().ThrowAsync<IOException>("the session ends: its stream was reset");
        read.Should().BeLessThanOrEqualTo(TunnelFrames.Window);
        node.ProtocolViolations.Should().Be(1);
    }
}

public sealed class MemoryTransport : ITunnelTransport
{
    private readonly Channel<ReadOnlyMemory<byte>> _in;
    private readonly Channel<ReadOnlyMemory<byte>> _out;
    private long _dataBytesSent;

    private MemoryTransport(Channel<ReadOnlyMemory<byte>> incoming, Channel<ReadOnlyMemory<byte>> outgoing)
    {
        _in = incoming;
        _out = outgoing;
    }

    public long DataBytesSent => Interlocked.Read(ref _dataBytesSent);

    public static (MemoryTransport A, MemoryTransport B) Pair()
    {
        var aToB = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();
        var bToA = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();
        return (new MemoryTransport(bToA, aToB), new MemoryTransport(aToB, bToA));
    }

    public Task SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        if (frame.Span[0] == (byte)TunnelFrameType.Data) Interlocked.Add(ref _dataBytesSent, frame.Length - TunnelFrames.HeaderSize);
        return _out.Writer.TryWrite(frame.ToArray()) ? Task.CompletedTask : throw new IOException("closed");
    }

    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken) =>
        await _in.Reader.WaitToReadAsync(cancellationToken) && _in.Reader.TryRead(out var frame) ? frame : null;

    /// <summary>Closes both directions, as a dropped WebSocket does.</summary>
    public void Close()
    {
        _in.Writer.TryComplete();
        _out.Writer.TryComplete();
    }
}
