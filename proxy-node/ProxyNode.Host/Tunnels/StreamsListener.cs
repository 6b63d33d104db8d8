using System.Net;
using System.Net.Sockets;
using ProxyNode.Tunnel;

namespace ProxyNode.Host.Tunnels;

/// <summary>
/// The streams port: agents that dial back bring each session's bytes here on a connection of its own, presenting the
/// session's one-time key (<see cref="DialBack"/>). A connection whose key no session waits for, or that says nothing
/// within 10 s, is closed. Socket to socket, the node relays a session's bytes with no framing at all.
/// </summary>
public sealed class StreamsListener(NodeOptions options, DialBackStreams dialBacks, ILogger<StreamsListener> logger) : BackgroundService
{
    private static readonly TimeSpan PreambleTimeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = new TcpListener(new IPEndPoint(options.Address, options.StreamsPort));
        listener.Start(backlog: 512);
        logger.LogInformation("Dial-back streams on {Endpoint}", listener.LocalEndpoint);
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            _ = ServeAsync(socket, stoppingToken);
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken stoppingToken)
    {
        socket.NoDelay = true;
        var connection = new NetworkStream(socket, ownsSocket: true);
        try
        {
            using var preamble = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            preamble.CancelAfter(PreambleTimeout);
            if (await DialBack.ReadPreambleAsync(connection, preamble.Token) is { } said
                && dialBacks.TryDeliver(said.Key, connection, said.ReachedAddress, out var ended))
            {
                // The session owns the connection now, and closes it when it ends.
                await ended;
                return;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or EndOfStreamException)
        {
        }
        await connection.DisposeAsync();
    }
}
