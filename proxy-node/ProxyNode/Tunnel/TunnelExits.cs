using System.Collections.Concurrent;
using System.Net.Sockets;
using ProxyNode.Sessions;

namespace ProxyNode.Tunnel;

/// <summary>
/// Node side: the exits are the devices' tunnels. A session for a device opens a stream in that device's tunnel; no
/// tunnel (the agent is not connected), a closed one, or the agent refusing it: the device is unreachable.
/// </summary>
public sealed class TunnelExits(TimeSpan openTimeout) : IExitDialer
{
    private readonly ConcurrentDictionary<string, TunnelConnection> _tunnels = new();

    /// <summary>The device's agent connected: its sessions go through this tunnel from now on (a newer one replaces an older).</summary>
    public void Connect(string deviceId, TunnelConnection tunnel) => _tunnels[deviceId] = tunnel;

    /// <summary>The tunnel closed: forgotten, unless a newer one of the device's took its place.</summary>
    public void Disconnect(string deviceId, TunnelConnection tunnel) => _tunnels.TryRemove(new KeyValuePair<string, TunnelConnection>(deviceId, tunnel));

    public bool IsConnected(string deviceId) => _tunnels.TryGetValue(deviceId, out var tunnel) && !tunnel.IsClosed;

    public async Task<Stream?> OpenAsync(string deviceId, ProxyTarget target, CancellationToken cancellationToken) =>
        _tunnels.TryGetValue(deviceId, out var tunnel) && !tunnel.IsClosed
            ? await tunnel.OpenAsync(target.Host, target.Port, openTimeout, cancellationToken)
            : null;
}

/// <summary>
/// Agent side: each OPEN is dialled from the phone (the name resolved here, at the exit), answered OPENED or REFUSED,
/// and relayed until either end closes. This is what a device's agent runs for the proxy (the simulator does).
/// </summary>
public static class TunnelAgent
{
    public static Func<TunnelConnection, uint, string, int, Task> Exit(TimeSpan dialTimeout, TimeSpan idleTimeout, CancellationToken stopping) =>
        async (tunnel, id, host, port) =>
        {
            using var client = new TcpClient { NoDelay = true };
            try
            {
                using var dial = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                dial.CancelAfter(dialTimeout);
                await client.ConnectAsync(host, port, dial.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                var reason = e is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } ? TunnelRefusal.NameNotResolved
                    : e is OperationCanceledException ? TunnelRefusal.TimedOut : TunnelRefusal.Unreachable;
                try
                {
                    await tunnel.RefuseAsync(id, reason, stopping);
                }
                catch (IOException)
                {
                }
                return;
            }
            try
            {
                var reached = (client.Client.RemoteEndPoint as System.Net.IPEndPoint)?.Address;
                await using var stream = await tunnel.Accept(id, reached?.IsIPv4MappedToIPv6 == true ? reached.MapToIPv4().ToString() : reached?.ToString(), stopping);
                await Relay.RunAsync(stream, client.GetStream(), idleTimeout, stopping);
            }
            catch (IOException)
            {
                // The tunnel closed under it.
            }
        };
}
