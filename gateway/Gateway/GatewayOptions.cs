using Platform.Topology;

namespace Gateway;

/// <summary>Section "Gateway": the public edge's limits.</summary>
public sealed class GatewayOptions
{
    /// <summary>
    /// Largest request body the gateway accepts on any route: by default the largest limit a service of the list
    /// declares (Storage's uploads); each route is held to its own service's limit below that.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = PlatformServices.All.Max(s => s.MaxRequestBodyBytes);

    /// <summary>
    /// The load balancers in front of the gateway (CIDRs, comma-separated): only from them is X-Forwarded-For believed, so
    /// the rate limit of requests without a token goes by the real client's address. Empty (the default): the gateway is
    /// the edge, and the connection's address is the client's.
    /// </summary>
    public string TrustedProxies { get; set; } = string.Empty;

    /// <summary>Requests per second one token (or, without a token, one client address) may make on average.</summary>
    public int RateLimitPerSecond { get; set; } = 1000;

    /// <summary>Requests one token may make in a burst above the average.</summary>
    public int RateLimitBurst { get; set; } = 2000;

    /// <summary>
    /// Run request processing on the socket thread that read the request instead of handing it to the thread pool.
    /// The gateway never blocks a thread (every step is asynchronous I/O), so the hand-off is pure cost.
    /// </summary>
    public bool InlineScheduling { get; set; } = true;
}
