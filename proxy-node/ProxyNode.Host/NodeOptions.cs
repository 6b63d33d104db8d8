using System.Net;

namespace ProxyNode.Host;

/// <summary>
/// The node's settings (section "Node"; the ports also from PLATFORM_SOCKS_PORT, PLATFORM_CONNECT_PORT and
/// PLATFORM_TUNNEL_STREAMS_PORT, which win).
/// </summary>
public sealed class NodeOptions
{
    public const string Section = "Node";

    /// <summary>The node's name in the request log (serverNode); the machine's name unless set.</summary>
    public string Name { get; set; } = Environment.MachineName;

    /// <summary>Where the proxy ports listen: loopback for local runs, 0.0.0.0 in a cluster.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    public int SocksPort { get; set; } = 1080;

    public int ConnectPort { get; set; } = 3128;

    /// <summary>Where agents bring each session's bytes on a connection of its own (dial-back streams).</summary>
    public int StreamsPort { get; set; } = 8082;

    /// <summary>Sessions one connection may hold open at once.</summary>
    public int MaxSessionsPerConnection { get; set; } = 64;

    /// <summary>A session with no bytes either way for this long is closed.</summary>
    public int IdleTimeoutSeconds { get; set; } = 300;

    /// <summary>How long the device may take to open a session (dial the target) before the client hears "unreachable".</summary>
    public int OpenTimeoutSeconds { get; set; } = 10;

    /// <summary>The control plane (the Proxy service) the snapshot is read from; service discovery resolves the name.</summary>
    public string ControlPlaneUrl { get; set; } = "http://proxy";

    /// <summary>How often the node reads the whole state again, beside the change feed (catches what a broker outage lost).</summary>
    public int ResyncSeconds { get; set; } = 60;

    public IPAddress Address => IPAddress.Parse(ListenAddress);

    public Sessions.SessionOptions Sessions => new()
    {
        IdleTimeout = TimeSpan.FromSeconds(IdleTimeoutSeconds),
        MaxSessionsPerConnection = MaxSessionsPerConnection,
    };

    public static NodeOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<NodeOptions>() ?? new NodeOptions();
        if (int.TryParse(configuration["PLATFORM_SOCKS_PORT"], out var socks)) options.SocksPort = socks;
        if (int.TryParse(configuration["PLATFORM_CONNECT_PORT"], out var connect)) options.ConnectPort = connect;
        if (int.TryParse(configuration["PLATFORM_TUNNEL_STREAMS_PORT"], out var streams)) options.StreamsPort = streams;
        return options;
    }
}
