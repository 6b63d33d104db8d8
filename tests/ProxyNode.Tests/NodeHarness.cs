using System.Collections.Concurrent;
using Platform.Testing;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Platform.Contracts.Proxy;
using ProxyNode.Sessions;
using ProxyNode.Tunnel;

namespace ProxyNode.Tests;

/// <summary>
/// A node on two free ports (SOCKS5 and HTTP CONNECT) whose exits are dialled straight from this machine (as the
/// simulator's phones will), a local HTTP target that answers "hello", and one connection ("the credential").
/// </summary>
public sealed class NodeHarness : IAsyncDisposable
{
    public const string Password = "p9F7bX3cVqLtZmK2";
    public const string DeviceId = "device-1";

    private readonly ProxyListener _socks;
    private readonly ProxyListener _connect;
    private readonly LoopbackServer _target;

    /// <param name="exits">Where sessions exit; by default straight from this machine (<see cref="Exits"/>).</param>
    public NodeHarness(SessionOptions? options = null, IExitDialer? exits = null)
    {
        options ??= new SessionOptions();
        State = new NodeState(options);
        State.Apply(new ConnectionChanged(ConnectionId, DeviceId, HashOf(Password), [], "created", false, 1));
        var exit = exits ?? Exits;
        _socks = new ProxyListener(new IPEndPoint(IPAddress.Loopback, 0), new Socks5Session(State, exit, options).RunAsync, Outcomes.Enqueue);
        _connect = new ProxyListener(new IPEndPoint(IPAddress.Loopback, 0), new HttpConnectSession(State, exit, options).RunAsync, Outcomes.Enqueue);
        _socks.Start();
        _connect.Start();
        _target = new LoopbackServer(ServeTargetAsync);
    }

    public string ConnectionId { get; } = Guid.NewGuid().ToString();
    public NodeState State { get; }
    public DirectExits Exits { get; } = new();
    public ConcurrentQueue<SessionOutcome> Outcomes { get; } = new();
    public int SocksPort => _socks.LocalEndpoint.Port;
    public int ConnectPort => _connect.LocalEndpoint.Port;
    public int TargetPort => _target.Port;
    private int _targetSessions;

    /// <summary>Sessions the target holds open (it answers "hello" to a request, and echoes what a "hold" client sends).</summary>
    public int TargetSessions => Volatile.Read(ref _targetSessions);

    /// <summary>curl through the node to the target by name, by SOCKS5 and by HTTP CONNECT, and to a name no exit can resolve.</summary>
    public async Task<((int Code, string Output) Socks, (int Code, string Output) Connect, (int Code, string Output) Unreachable)>
        CurlTheTargetAndANameNoExitResolvesAsync()
    {
        var socks = await Curl.RunAsync("--socks5-hostname", $"{ConnectionId}:{Password}@127.0.0.1:{SocksPort}", $"http://localhost:{TargetPort}/");
        var connect = await Curl.RunAsync("-p", "-x", $"http://{ConnectionId}:{Password}@127.0.0.1:{ConnectPort}", $"http://localhost:{TargetPort}/");
        var unreachable = await Curl.RunAsync("--socks5-hostname", $"{ConnectionId}:{Password}@127.0.0.1:{SocksPort}", "http://no-such-host.invalid/");
        return (socks, connect, unreachable);
    }

    /// <summary>A SOCKS5 CONNECT (the target by name) with the harness's password on <paramref name="stream"/>; the reply code (0: connected).</summary>
    public static async Task<int> SocksConnectAsync(NetworkStream stream, string user, string host, int port)
    {
        await stream.WriteAsync(new byte[] { 5, 1, 2 });
        await stream.ReadExactlyAsync(new byte[2]);
        var u = Encoding.UTF8.GetBytes(user);
        var p = Encoding.UTF8.GetBytes(Password);
        await stream.WriteAsync(new byte[] { 1, (byte)u.Length }.Concat(u).Append((byte)p.Length).Concat(p).ToArray());
        await stream.ReadExactlyAsync(new byte[2]);
        var h = Encoding.ASCII.GetBytes(host);
        await stream.WriteAsync(new byte[] { 5, 1, 0, 3, (byte)h.Length }.Concat(h).Concat(new[] { (byte)(port >> 8), (byte)(port & 0xFF) }).ToArray());
        var reply = new byte[10];
        await stream.ReadExactlyAsync(reply);
        return reply[1];
    }

    public static string HashOf(string password) => Proxy.Domain.Connections.ConnectionPassword.HashOf(password);

    /// <summary>The target: "hello" to an HTTP request; a client that starts with "hold" gets its bytes echoed and stays open.</summary>
    private async Task ServeTargetAsync(Socket socket, CancellationToken stopping)
    {
        Interlocked.Increment(ref _targetSessions);
        try
        {
            await using var stream = new NetworkStream(socket);
            var buffer = new byte[4096];
            var seen = new StringBuilder();
            while (true)
            {
                var read = await stream.ReadAsync(buffer, stopping);
                if (read == 0) return;
                seen.Append(Encoding.Latin1.GetString(buffer, 0, read));
                if (seen.ToString().StartsWith("hold", StringComparison.Ordinal))
                {
                    await stream.WriteAsync(buffer.AsMemory(0, read), stopping);
                    seen.Clear();
                    continue;
                }
                if (seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"u8.ToArray(), stopping);
                    return;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _targetSessions);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _target.DisposeAsync();
        await _socks.DisposeAsync();
        await _connect.DisposeAsync();
    }
}

/// <summary>The exit targets of the tests' agents: public addresses, and this machine's loopback (where every test target listens).</summary>
public static class TestExitTargets
{
    public static ExitTargets Loopback { get; } = new(ExitTargetPolicy.Parse("127.0.0.0/8,::1/128"));
}

/// <summary>Exits dialled from this machine (names resolved here, as a phone resolves them); a device in <see cref="Offline"/> can't be reached.</summary>
public sealed class DirectExits : IExitDialer
{
    public ConcurrentQueue<string> Dialled { get; } = new();
    public HashSet<string> Offline { get; } = [];

    public async Task<ExitOpening> OpenAsync(string deviceId, ProxyTarget target, CancellationToken cancellationToken)
    {
        Dialled.Enqueue(target.Host);
        if (Offline.Contains(deviceId)) return null;
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(target.Host, target.Port, cancellationToken);
            return client.GetStream();
        }
        catch (SocketException)
        {
            client.Dispose();
            return null;
        }
    }
}
