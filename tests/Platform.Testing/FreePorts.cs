using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>Ports for a platform instance started by a test or benchmark, so that it never collides with ./platform up.</summary>
public static class FreePorts
{
    public static int Any()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The private RabbitMQ node also uses port+20000 (distribution) and port-1200 (its epmd): all three must be free.</summary>
    public static int ForRabbitMq()
    {
        for (var port = 6000 + Random.Shared.Next(0, 3000); ; port++)
            if (IsFree(port) && IsFree(port + 20000) && IsFree(port - 1200)) return port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
