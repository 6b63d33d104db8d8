using System.Net.WebSockets;
using ProxyNode.Tunnel;

namespace DeviceAgent;

/// <summary>
/// The phone's side of the proxy: it keeps a tunnel to the proxy node (a WebSocket to its /tunnel, with the device's
/// agent token) and opens each session the node hands it from here, resolving the target's name itself, and carries the
/// session's bytes on a connection of its own back to the node (see <see cref="TunnelAgent"/> and <see cref="DialBack"/>).
/// Sessions reach public addresses only, unless the options allow more networks (<see cref="ExitTargetPolicy"/>).
/// A tunnel that drops is dialled again, a little later each time it keeps failing.
/// </summary>
public sealed class ProxyExit(Uri node, SavedDevice device, ExitTargets targets, EventLog log)
{
    private static readonly TimeSpan DialTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(5);

    public async Task RunAsync(Session agent, CancellationToken cancellationToken)
    {
        var retry = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var socket = new ClientWebSocket();
                socket.Options.SetRequestHeader("Authorization", $"Bearer {await agent.TokenAsync(cancellationToken)}");
                // Each session's bytes on a connection of its own (dialled back to the node), not in the tunnel.
                socket.Options.SetRequestHeader(DialBack.RequestHeader, "dial-back");
                socket.Options.CollectHttpResponseDetails = true;
                socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
                socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
                await socket.ConnectAsync(node, cancellationToken);
                log.Write(device.Name, $"proxy tunnel open to {node}");
                retry = TimeSpan.FromSeconds(1);
                var transport = new WebSocketTransport(socket);
                // The node names its streams port in its answer; without one, sessions come in the tunnel.
                var streamsPort = socket.HttpResponseHeaders?.TryGetValue(DialBack.PortHeader, out var ports) == true
                    && int.TryParse(ports.FirstOrDefault(), out var p) ? p : 0;
                using var tunnel = new TunnelConnection(transport, TunnelAgent.Exit(targets, DialTimeout, IdleTimeout, cancellationToken),
                    streamsPort == 0 ? null
                        : TunnelAgent.ExitDialingBack(targets, DialTimeout, IdleTimeout, (key, reached, ct) => DialBack.ConnectAsync(node.Host, streamsPort, key, reached, ct),
                            cancellationToken));
                await tunnel.RunAsync(cancellationToken);
                await transport.CloseAsync();
                if (!cancellationToken.IsCancellationRequested) log.Write(device.Name, "proxy tunnel closed; dialling again");
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                log.Write(device.Name, $"proxy tunnel: {ex.Message}; again in {retry.TotalSeconds:0} s");
                await Task.Delay(retry, cancellationToken);
                retry = TimeSpan.FromSeconds(Math.Min(30, retry.TotalSeconds * 2));
            }
        }
    }
}
