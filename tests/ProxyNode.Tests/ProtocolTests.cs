using System.Net;
using System.Net.Sockets;
using System.Text;
using Platform.Testing;
using ProxyNode.Sessions;

namespace ProxyNode.Tests;

/// <summary>
/// The two protocols byte by byte: IPv4 and IPv6 targets as well as names, and what a client that speaks them wrongly
/// gets (SOCKS5: no acceptable method, a command other than CONNECT, an unknown address type, a silent client; HTTP: a
/// malformed request, another method, a head too large, no or malformed credentials). Nothing wrong is dialled.
/// </summary>
public sealed class ProtocolTests : IAsyncLifetime
{
    private NodeHarness _node = null!;

    public Task InitializeAsync()
    {
        // The default handshake timeout (10 s): a busy machine never cuts a test's own handshake short.
        _node = new NodeHarness(new SessionOptions { MaxRequestHeadBytes = 1024 });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Socks5_reaches_an_ipv4_target_given_as_four_bytes()
    {
        using var client = await ConnectAsync(_node.SocksPort);
        var stream = client.GetStream();
        await AuthenticateAsync(stream);

        await stream.WriteAsync(new byte[] { 5, 1, 0, 1, 127, 0, 0, 1, (byte)(_node.TargetPort >> 8), (byte)_node.TargetPort });

        (await ReadReplyAsync(stream)).Should().Be(0);
        (await GetHelloAsync(stream)).Should().EndWith("hello");
        client.Close(); // the session ends (and is logged) when both sides have
        await Eventually.HoldsAsync(() => _node.Outcomes.Any(o => o.Target!.Host == "127.0.0.1" && o.Target.Type == TargetType.IPv4 && o.Action == SessionAction.Allowed),
            "the session is logged with its IPv4 target");
    }

    [Fact]
    public async Task Socks5_and_http_connect_reach_an_ipv6_target()
    {
        if (!Socket.OSSupportsIPv6) return;
        using var target = new TcpListener(IPAddress.IPv6Loopback, 0);
        try { target.Start(); } catch (SocketException) { return; } // no IPv6 loopback on this machine
        var port = ((IPEndPoint)target.LocalEndpoint).Port;
        var answering = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                using var accepted = await target.AcceptTcpClientAsync();
                await accepted.GetStream().WriteAsync("v6"u8.ToArray());
            }
        });

        using (var client = await ConnectAsync(_node.SocksPort))
        {
            var stream = client.GetStream();
            await AuthenticateAsync(stream);
            await stream.WriteAsync(new byte[] { 5, 1, 0, 4 }.Concat(IPAddress.IPv6Loopback.GetAddressBytes()).Concat(new[] { (byte)(port >> 8), (byte)port }).ToArray());
            (await ReadReplyAsync(stream)).Should().Be(0);
            (await ReadToEndAsync(stream)).Should().Be("v6");
        }
        using (var client = await ConnectAsync(_node.ConnectPort))
        {
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"CONNECT [::1]:{port} HTTP/1.1\r\nHost: [::1]:{port}\r\n{ProxyAuthorization()}\r\n"));
            (await ReadToEndAsync(stream)).Should().Be("HTTP/1.1 200 Connection Established\r\n\r\nv6");
        }
        await answering.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.HoldsAsync(() => _node.Outcomes.Count(o => o.Target!.Type == TargetType.IPv6 && o.Target.Host == "::1") == 2,
            "both sessions are logged with their IPv6 target");
    }

    [Fact]
    public async Task Socks5_without_the_username_method_is_told_no_method_is_acceptable()
    {
        using var client = await ConnectAsync(_node.SocksPort);
        var stream = client.GetStream();

        await stream.WriteAsync(new byte[] { 5, 1, 0 }); // "no authentication" only

        var answer = new byte[2];
        await stream.ReadExactlyAsync(answer);
        answer.Should().Equal(5, 0xFF);
        (await ReadToEndAsync(stream)).Should().BeEmpty("the node closes after refusing");
    }

    [Theory]
    [InlineData(2, 3, "BIND: command not supported")]
    [InlineData(3, 3, "UDP ASSOCIATE: command not supported")]
    [InlineData(1, 9, "an address type RFC 1928 doesn't have")]
    public async Task Socks5_refuses_other_commands_with_0x07_and_unknown_address_types_with_0x08(byte command, byte addressType, string because)
    {
        using var client = await ConnectAsync(_node.SocksPort);
        var stream = client.GetStream();
        await AuthenticateAsync(stream);

        // An unknown address type has no length the node could skip: the request ends at it.
        var name = "localhost"u8.ToArray();
        await stream.WriteAsync(addressType == 3
            ? new byte[] { 5, command, 0, addressType, (byte)name.Length }.Concat(name).Concat(new byte[] { 0, 80 }).ToArray()
            : new byte[] { 5, command, 0, addressType });

        (await ReadReplyAsync(stream)).Should().Be(command != 1 ? 0x07 : 0x08, because);
        _node.TargetSessions.Should().Be(0);
    }

    [Fact]
    public async Task Socks5_with_an_empty_name_is_0x08_and_a_client_that_says_nothing_is_closed_after_the_handshake_timeout()
    {
        using (var client = await ConnectAsync(_node.SocksPort))
        {
            var stream = client.GetStream();
            await AuthenticateAsync(stream);
            await stream.WriteAsync(new byte[] { 5, 1, 0, 3, 0, 0, 80 });
            (await ReadReplyAsync(stream)).Should().Be(0x08);
        }

        // A node of its own with a short handshake timeout, so the wait is short too.
        await using var impatient = new NodeHarness(new SessionOptions { HandshakeTimeout = TimeSpan.FromSeconds(1) });
        using var silent = await ConnectAsync(impatient.SocksPort);
        var closed = ReadToEndAsync(silent.GetStream());
        (await closed.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeEmpty("a client silent past the handshake timeout is closed");
    }

    [Theory]
    [InlineData("GET http://localhost/ HTTP/1.1\r\nHost: localhost\r\n\r\n", 405)]
    [InlineData("CONNECT localhost HTTP/1.1\r\nHost: localhost\r\n\r\n", 400)]
    [InlineData("CONNECT localhost:0 HTTP/1.1\r\n\r\n", 400)]
    [InlineData("CONNECT localhost:65536 HTTP/1.1\r\n\r\n", 400)]
    [InlineData("CONNECT [not-v6]:443 HTTP/1.1\r\n\r\n", 400)]
    [InlineData("CONNECT localhost:443\r\n\r\n", 400)]
    [InlineData("CONNECT localhost:443 SPDY/3\r\n\r\n", 400)]
    [InlineData("CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\n\r\n", 407)]
    [InlineData("CONNECT localhost:443 HTTP/1.1\r\nProxy-Authorization: Basic !!!not-base64\r\n\r\n", 407)]
    [InlineData("CONNECT localhost:443 HTTP/1.1\r\nProxy-Authorization: Bearer abc\r\n\r\n", 407)]
    public async Task Http_connect_answers_a_malformed_request_another_method_or_missing_credentials_with_the_matching_status(string request, int status)
    {
        using var client = await ConnectAsync(_node.ConnectPort);
        var stream = client.GetStream();

        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        var answer = await ReadToEndAsync(stream);
        answer.Should().StartWith($"HTTP/1.1 {status} ");
        if (status == 407) answer.Should().Contain("Proxy-Authenticate: Basic");
        _node.TargetSessions.Should().Be(0);
    }

    [Fact]
    public async Task Http_connect_answers_a_request_head_that_reaches_the_limit_unfinished_with_400_without_reading_on()
    {
        using var client = await ConnectAsync(_node.ConnectPort);
        var stream = client.GetStream();

        // Exactly the limit (1,024 bytes here) and still no blank line: the node stops reading there.
        var head = $"CONNECT localhost:{_node.TargetPort} HTTP/1.1\r\nX-Padding: ";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + new string('a', 1024 - head.Length)));

        (await ReadToEndAsync(stream)).Should().StartWith("HTTP/1.1 400 ");
        _node.TargetSessions.Should().Be(0);
    }

    private async Task AuthenticateAsync(NetworkStream stream)
    {
        await stream.WriteAsync(new byte[] { 5, 1, 2 });
        await stream.ReadExactlyAsync(new byte[2]);
        var user = Encoding.UTF8.GetBytes(_node.ConnectionId);
        var password = Encoding.UTF8.GetBytes(NodeHarness.Password);
        await stream.WriteAsync(new byte[] { 1, (byte)user.Length }.Concat(user).Append((byte)password.Length).Concat(password).ToArray());
        var status = new byte[2];
        await stream.ReadExactlyAsync(status);
        status[1].Should().Be(0, "the harness's credentials are good");
    }

    private string ProxyAuthorization() =>
        $"Proxy-Authorization: Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_node.ConnectionId}:{NodeHarness.Password}"))}\r\n";

    private static async Task<int> ReadReplyAsync(NetworkStream stream)
    {
        var reply = new byte[10];
        await stream.ReadExactlyAsync(reply);
        return reply[1];
    }

    private static async Task<string> GetHelloAsync(NetworkStream stream)
    {
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: target\r\n\r\n"u8.ToArray());
        return await ReadToEndAsync(stream);
    }

    private static async Task<string> ReadToEndAsync(NetworkStream stream)
    {
        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received);
        }
        catch (IOException)
        {
            // closed with a reset: what came before it counts
        }
        return Encoding.Latin1.GetString(received.ToArray());
    }

    private static async Task<TcpClient> ConnectAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        return client;
    }
}
