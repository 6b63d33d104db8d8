using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Testing;

/// <summary>
/// A TCP server on loopback for tests and benchmarks (the proxy's local targets): it accepts until disposed and hands
/// each connection to its handler, which may use it as long as it likes; the server closes it afterwards, and a
/// connection that fails or is cut off by the server's end is simply over.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();

    /// <param name="serve">One connection: its socket, and a token cancelled when the server stops.</param>
    public LoopbackServer(Func<Socket, CancellationToken, Task> serve, IPAddress? address = null)
    {
        _listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        _listener.Start(backlog: 512);
        _ = AcceptAsync(serve);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Reads an HTTP request head (up to the blank line) and returns it; null when the peer closes first.</summary>
    public static async Task<string?> ReadHttpHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0) return null;
            head.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }
        return head.ToString();
    }

    private async Task AcceptAsync(Func<Socket, CancellationToken, Task> serve)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ServeAsync(socket, serve);
        }
    }

    private async Task ServeAsync(Socket socket, Func<Socket, CancellationToken, Task> serve)
    {
        using (socket)
        {
            try
            {
                socket.NoDelay = true;
                await serve(socket, _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _stop.Dispose();
    }
}
