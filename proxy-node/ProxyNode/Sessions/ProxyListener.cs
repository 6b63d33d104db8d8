using System.Net;
using System.Net.Sockets;

namespace ProxyNode.Sessions;

/// <summary>
/// Accepts clients on one port and runs each as a session of one protocol (SOCKS5 or HTTP CONNECT); every session's
/// outcome goes to <paramref name="log"/>. A session that fails (the client vanished, a handshake timed out) is logged
/// as refused; it never takes the listener down.
/// </summary>
public sealed class ProxyListener(IPEndPoint endpoint, Func<Stream, CancellationToken, Task<SessionOutcome>> runSession, Action<SessionOutcome> log) : IAsyncDisposable
{
    private readonly TcpListener _listener = new(endpoint);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _accepting;

    /// <summary>Where it listens (the port the system gave, when asked for port 0).</summary>
    public IPEndPoint LocalEndpoint => (IPEndPoint)_listener.LocalEndpoint;

    public void Start()
    {
        _listener.Start(backlog: 512);
        _accepting = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested) return;
                continue;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            client.NoDelay = true;
            var startedAt = DateTime.UtcNow;
            SessionOutcome outcome;
            try
            {
                outcome = await runSession(client.GetStream(), _stopping.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                outcome = new SessionOutcome(null, null, null, SessionAction.Refused, null, 0, 0);
            }
            log(outcome with { StartedAt = startedAt });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        if (_accepting is not null) await _accepting;
        _stopping.Dispose();
    }
}
