using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ProxyNode.Sessions;

namespace ProxyNode.Tests;

/// <summary>
/// The relay between two real sockets (client ↔ relay ↔ exit ↔ target), spliced in the kernel and, for streams that
/// are not sockets, copied through a buffer: every byte both ways in order and counted, a stalled reader holding its
/// writer back, half-closes passed on, a side that fails ending the session.
/// </summary>
public sealed class RelayTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Bytes_both_ways_at_once_arrive_intact_and_in_order_and_are_counted(bool sockets)
    {
        await using var pair = await RelayedPair.StartAsync(sockets);
        var up = RandomNumberGenerator.GetBytes(8 << 20);
        var down = RandomNumberGenerator.GetBytes(24 << 20);

        var sendUp = SendAndHalfCloseAsync(pair.Client, up);
        var sendDown = SendAndHalfCloseAsync(pair.Target, down);
        var receivedByTarget = await ReadToEndAsync(pair.Target);
        var receivedByClient = await ReadToEndAsync(pair.Client);
        await Task.WhenAll(sendUp, sendDown);
        var (bytesIn, bytesOut) = await pair.Relay.WaitAsync(TimeSpan.FromSeconds(30));

        receivedByTarget.Should().Equal(up);
        receivedByClient.Should().Equal(down);
        (bytesIn, bytesOut).Should().Be((down.Length, up.Length));
    }

    [Fact]
    public async Task Two_sockets_used_asynchronously_are_spliced_on_linux_and_a_stream_that_is_not_a_socket_is_copied()
    {
        if (!OperatingSystem.IsLinux()) return;
        var (a, b) = await RelayedPair.ConnectedAsync();
        using var one = new NetworkStream(a, ownsSocket: true);
        using var other = new NetworkStream(b, ownsSocket: true);
        using var memory = new MemoryStream();

        var spliced = SocketSplice.TryCreate(one, other);

        spliced.Should().NotBeNull("both are sockets .NET has used asynchronously, and Linux splices");
        SocketSplice.TryCreate(one, memory).Should().BeNull("a stream that is not a socket is copied");
    }

    [Fact]
    public async Task A_reader_that_stops_reading_holds_the_writer_back_and_then_gets_every_byte()
    {
        await using var pair = await RelayedPair.StartAsync(sockets: true);
        var payload = RandomNumberGenerator.GetBytes(96 << 20);

        // The client does not read: the target can write only what the sockets' buffers and the relay's pipe hold.
        var sending = SendAndHalfCloseAsync(pair.Target, payload);
        await Task.Delay(TimeSpan.FromSeconds(1));
        sending.IsCompleted.Should().BeFalse("nothing reads at the client, so the relay must stop taking the target's bytes");
        pair.Relay.IsCompleted.Should().BeFalse();

        var received = await ReadToEndAsync(pair.Client);
        await sending;
        received.Should().Equal(payload);
    }

    [Fact]
    public async Task Thirty_two_sessions_at_once_sharing_the_pipe_pool_each_get_exactly_their_own_bytes()
    {
        var sessions = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => RelayedPair.StartAsync(sockets: true)));
        try
        {
            await Task.WhenAll(sessions.Select(async (pair, i) =>
            {
                var up = RandomNumberGenerator.GetBytes(256 << 10);
                var down = RandomNumberGenerator.GetBytes(3 << 20);
                var sending = Task.WhenAll(SendAndHalfCloseAsync(pair.Client, up), SendAndHalfCloseAsync(pair.Target, down));
                // Every other client reads in small sips with pauses, so its relay finds the socket full and sends the rest itself.
                var receivedByClient = i % 2 == 0 ? await ReadToEndAsync(pair.Client) : await SipToEndAsync(pair.Client);
                var receivedByTarget = await ReadToEndAsync(pair.Target);
                await sending;
                receivedByClient.Should().Equal(down);
                receivedByTarget.Should().Equal(up);
            }));
        }
        finally
        {
            foreach (var pair in sessions) await pair.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_side_that_resets_ends_the_relay_and_the_other_side_sees_it_end()
    {
        await using var pair = await RelayedPair.StartAsync(sockets: true);
        await pair.Client.WriteAsync(new byte[] { 1, 2, 3 });
        var first = new byte[3];
        await pair.Target.ReadExactlyAsync(first);

        pair.TargetSocket.LingerState = new LingerOption(true, 0); // closes with a reset
        pair.TargetSocket.Close();
        await pair.Relay.WaitAsync(TimeSpan.FromSeconds(10));
        var rest = await ReadToEndOrResetAsync(pair.Client);
        rest.Should().BeEmpty();
        first.Should().Equal(1, 2, 3);
    }

    private static async Task SendAndHalfCloseAsync(NetworkStream stream, byte[] bytes)
    {
        for (var offset = 0; offset < bytes.Length; offset += 1 << 20)
            await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(1 << 20, bytes.Length - offset)));
        stream.Socket.Shutdown(SocketShutdown.Send);
    }

    private static async Task<byte[]> ReadToEndAsync(NetworkStream stream)
    {
        using var received = new MemoryStream();
        await stream.CopyToAsync(received);
        return received.ToArray();
    }

    private static async Task<byte[]> SipToEndAsync(NetworkStream stream)
    {
        using var received = new MemoryStream();
        var sip = new byte[16 << 10];
        for (var sips = 0; ; sips++)
        {
            var read = await stream.ReadAsync(sip);
            if (read == 0) return received.ToArray();
            received.Write(sip, 0, read);
            if (sips % 16 == 0) await Task.Delay(5);
        }
    }

    private static async Task<byte[]> ReadToEndOrResetAsync(NetworkStream stream)
    {
        try
        {
            return await ReadToEndAsync(stream);
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>client ↔ [relay] ↔ target over loopback sockets; the relay's sides are sockets or, when not, wrapped streams.</summary>
    private sealed class RelayedPair : IAsyncDisposable
    {
        private readonly List<IDisposable> _owned = [];

        public NetworkStream Client { get; private set; } = null!;
        public NetworkStream Target { get; private set; } = null!;
        public Socket TargetSocket { get; private set; } = null!;
        public Task<(long BytesIn, long BytesOut)> Relay { get; private set; } = null!;

        public static async Task<RelayedPair> StartAsync(bool sockets)
        {
            var pair = new RelayedPair();
            var (client, relayClientSide) = await ConnectedAsync();
            var (relayExitSide, target) = await ConnectedAsync();
            pair._owned.AddRange([client, relayClientSide, relayExitSide, target]);
            pair.Client = new NetworkStream(client);
            pair.Target = new NetworkStream(target);
            pair.TargetSocket = target;
            Stream a = new NetworkStream(relayClientSide, ownsSocket: true), b = new NetworkStream(relayExitSide, ownsSocket: true);
            if (!sockets) (a, b) = (new PassThroughStream(a), new PassThroughStream(b));
            pair.Relay = RunAndCloseAsync(a, b);
            return pair;
        }

        /// <summary>As a session does: the relay, then both of its sides closed.</summary>
        private static async Task<(long BytesIn, long BytesOut)> RunAndCloseAsync(Stream client, Stream exit)
        {
            await using (client)
            await using (exit)
                return await Sessions.Relay.RunAsync(client, exit, TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        public static async Task<(Socket Connecting, Socket Accepted)> ConnectedAsync()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var connecting = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await connecting.ConnectAsync(listener.LocalEndpoint);
            var accepted = await listener.AcceptSocketAsync();
            // As in the node, where each socket has had a handshake read before its relay starts.
            _ = await accepted.SendAsync(ReadOnlyMemory<byte>.Empty);
            return (connecting, accepted);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var socket in _owned) socket.Dispose();
            try { await Relay.WaitAsync(TimeSpan.FromSeconds(10)); } catch (TimeoutException) { }
        }
    }

    /// <summary>A stream that is not a socket as far as the relay can tell (so it copies), and half-closes like one.</summary>
    private sealed class PassThroughStream(Stream inner) : Stream, IHalfClosable
    {
        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);
        public Task CloseSendingAsync(CancellationToken cancellationToken)
        {
            ((NetworkStream)inner).Socket.Shutdown(SocketShutdown.Send);
            return Task.CompletedTask;
        }
        public override void Flush() { }
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
