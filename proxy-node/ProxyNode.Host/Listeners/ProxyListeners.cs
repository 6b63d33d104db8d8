using System.Net;
using ProxyNode.Sessions;
using ProxyNode.Tunnel;

namespace ProxyNode.Host.Listeners;

/// <summary>The two proxy ports: SOCKS5 and HTTP CONNECT, each session exiting through its device's tunnel.</summary>
public sealed class ProxyListeners(NodeOptions options, NodeState state, TunnelExits exits, SessionLog log, ILogger<ProxyListeners> logger) : IHostedService, IAsyncDisposable
{
    private ProxyListener? _socks;
    private ProxyListener? _connect;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var sessions = options.Sessions;
        _socks = new ProxyListener(new IPEndPoint(options.Address, options.SocksPort), new Socks5Session(state, exits, sessions).RunAsync,
            outcome => log.Record("socks5", outcome));
        _connect = new ProxyListener(new IPEndPoint(options.Address, options.ConnectPort), new HttpConnectSession(state, exits, sessions).RunAsync,
            outcome => log.Record("connect", outcome));
        _socks.Start();
        _connect.Start();
        logger.LogInformation("Proxy node {Name}: SOCKS5 on {Socks}, HTTP CONNECT on {Connect}", options.Name, _socks.LocalEndpoint, _connect.LocalEndpoint);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _socks, null) is { } socks) await socks.DisposeAsync();
        if (Interlocked.Exchange(ref _connect, null) is { } connect) await connect.DisposeAsync();
    }
}
