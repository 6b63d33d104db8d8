using System.Collections.Concurrent;
using System.Net.Sockets;
using ProxyNode.Sessions;

namespace ProxyNode.Tunnel;

/// <summary>
/// Node side: the exits are the devices' tunnels. A session for a device opens a stream in that device's tunnel; no
/// tunnel (the agent is not connected), a closed one, or the agent refusing it: the device is unreachable.
/// </summary>
public sealed class TunnelExits(TimeSpan openTimeout, DialBackStreams? dialBacks = null) : IExitDialer
{
    private readonly ConcurrentDictionary<string, TunnelConnection> _tunnels = new();

    /// <summary>The device's agent connected: its sessions go through this tunnel from now on (a newer one replaces an older).</summary>
    public void Connect(string deviceId, TunnelConnection tunnel) => _tunnels[deviceId] = tunnel;

    /// <summary>The tunnel closed: forgotten, unless a newer one of the device's took its place.</summary>
    public void Disconnect(string deviceId, TunnelConnection tunnel) => _tunnels.TryRemove(new KeyValuePair<string, TunnelConnection>(deviceId, tunnel));

    public async Task<ExitOpening> OpenAsync(string deviceId, ProxyTarget target, CancellationToken cancellationToken)
    {
        if (!_tunnels.TryGetValue(deviceId, out var tunnel) || tunnel.IsClosed) return null;
        if (!tunnel.DialsBack || dialBacks is null)
        {
            var (stream, refusal) = await tunnel.OpenAsync(target.Host, target.Port, openTimeout, cancellationToken);
            return refusal == TunnelRefusal.Forbidden ? ExitOpening.ForbiddenTarget : stream;
        }

        // The agent dials the target, then brings the stream on a connection of its own with the key.
        var (key, keyBytes, arrival) = dialBacks.Expect();
        uint id = 0;
        try
        {
            (id, var refused) = await tunnel.RequestDialBackAsync(target.Host, target.Port, keyBytes, cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(openTimeout);
            var first = await Task.WhenAny(arrival, refused.ContinueWith(_ => { }, TaskScheduler.Default), Task.Delay(Timeout.Infinite, timeout.Token));
            if (first == arrival) return new DialBackExitStream(tunnel, id, await arrival);
            var forbidden = refused.IsCompletedSuccessfully && refused.Result == TunnelRefusal.Forbidden;
            // Refused or no answer in time: tell the agent to let go of whatever it may still open (and let go of a
            // connection that arrived just as the wait ended).
            dialBacks.GiveUp(key);
            if (arrival.IsCompletedSuccessfully)
            {
                await arrival.Result.Connection.DisposeAsync();
                arrival.Result.Done.TrySetResult();
            }
            await tunnel.SignalResetAsync(id);
            return forbidden ? ExitOpening.ForbiddenTarget : null;
        }
        catch (IOException)
        {
            // The tunnel closed under the request: the device is unreachable.
            return null;
        }
        finally
        {
            dialBacks.GiveUp(key);
            if (id != 0) tunnel.Settled(id);
        }
    }
}

/// <summary>
/// Agent side: each OPEN is dialled from the phone (the name resolved here, at the exit), answered OPENED or REFUSED,
/// and relayed in the tunnel until either end closes; each OPEN_DIALBACK is dialled the same way and its bytes carried
/// on a connection of its own to the node (<paramref name="dialBack"/>, see <see cref="DialBack"/>). This is what a
/// device's agent runs for the proxy (the simulator does).
/// </summary>
public static class TunnelAgent
{
    public static Func<TunnelConnection, uint, string, int, Task> Exit(ExitTargets targets, TimeSpan dialTimeout, TimeSpan idleTimeout, CancellationToken stopping) =>
        async (tunnel, id, host, port) =>
        {
            using var client = await DialAsync(tunnel, id, targets, host, port, dialTimeout, stopping);
            if (client is null) return;
            try
            {
                await using var stream = await tunnel.Accept(id, ReachedAddress(client), stopping);
                await Relay.RunAsync(stream, client.GetStream(), idleTimeout, stopping);
            }
            catch (IOException)
            {
                // The tunnel closed under it.
            }
        };

    /// <summary>
    /// The OPEN_DIALBACK answer: dial the target, then the node (presenting the key), and relay between the two (half-
    /// closes pass as the sockets' own). The node's RESET for the stream, or the tunnel closing, ends the relay.
    /// </summary>
    public static Func<TunnelConnection, uint, string, int, byte[], Task> ExitDialingBack(ExitTargets targets, TimeSpan dialTimeout, TimeSpan idleTimeout,
        Func<byte[], string?, CancellationToken, Task<Stream>> dialBack, CancellationToken stopping) =>
        async (tunnel, id, host, port, key) =>
        {
            using var client = await DialAsync(tunnel, id, targets, host, port, dialTimeout, stopping);
            if (client is null) return;
            Stream node;
            try
            {
                using var dial = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                dial.CancelAfter(dialTimeout);
                node = await dialBack(key, ReachedAddress(client), dial.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                await TryRefuseAsync(tunnel, id, TunnelRefusal.Unreachable, stopping);
                return;
            }
            using var dropped = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            tunnel.WatchDialBack(id, () => Quietly(dropped.Cancel));
            try
            {
                await using (node)
                {
                    await Relay.RunAsync(node, client.GetStream(), idleTimeout, dropped.Token);
                }
            }
            catch (IOException)
            {
            }
            finally
            {
                tunnel.ForgetDialBack(id);
            }
        };

    /// <summary>
    /// Resolves the target here, at the exit, and dials the addresses the policy allows: a target with none is refused
    /// (FORBIDDEN) before any connection is tried.
    /// </summary>
    private static async Task<TcpClient?> DialAsync(TunnelConnection tunnel, uint id, ExitTargets targets, string host, int port, TimeSpan dialTimeout,
        CancellationToken stopping)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            using var dial = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            dial.CancelAfter(dialTimeout);
            var addresses = await targets.Resolve(host, dial.Token);
            var allowed = addresses.Where(a => targets.Policy.RefusalFor(a) is null).ToArray();
            if (allowed.Length == 0)
            {
                client.Dispose();
                await TryRefuseAsync(tunnel, id, addresses.Length == 0 ? TunnelRefusal.NameNotResolved : TunnelRefusal.Forbidden, stopping);
                return null;
            }
            await client.ConnectAsync(allowed, port, dial.Token);
            return client;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            client.Dispose();
            var reason = e is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } ? TunnelRefusal.NameNotResolved
                : e is OperationCanceledException ? TunnelRefusal.TimedOut : TunnelRefusal.Unreachable;
            await TryRefuseAsync(tunnel, id, reason, stopping);
            return null;
        }
    }

    private static async Task TryRefuseAsync(TunnelConnection tunnel, uint id, TunnelRefusal reason, CancellationToken stopping)
    {
        try
        {
            await tunnel.RefuseAsync(id, reason, stopping);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
        }
    }

    private static string? ReachedAddress(TcpClient client)
    {
        var reached = (client.Client.RemoteEndPoint as System.Net.IPEndPoint)?.Address;
        return reached?.IsIPv4MappedToIPv6 == true ? reached.MapToIPv4().ToString() : reached?.ToString();
    }

    private static void Quietly(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }
}
