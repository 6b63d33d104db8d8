using Yarp.ReverseProxy.Configuration;

// A plain YARP hop for the gateway benchmark: every request forwarded to PLAIN_PROXY_TARGET, with the gateway's
// transport settings but none of its work (no token validation, rate limit, telemetry or logging). Measured next to
// the gateway, it shows what the hop itself costs on the machine and what the gateway's own work adds to it.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
var target = builder.Configuration["PLAIN_PROXY_TARGET"] ?? throw new InvalidOperationException("PLAIN_PROXY_TARGET is not set.");
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "everything", ClusterId = "target", Match = new RouteMatch { Path = "/{**rest}" } }],
    [new ClusterConfig { ClusterId = "target", Destinations = new Dictionary<string, DestinationConfig> { ["target"] = new() { Address = target } } }]);

var app = builder.Build();
app.MapReverseProxy();
await app.RunAsync();
