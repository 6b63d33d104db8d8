using Platform.ServiceDefaults.Auth;
using ProxyNode.Tunnel;

namespace ProxyNode.Host.Tunnels;

/// <summary>
/// GET /tunnel (a WebSocket upgrade) with a device's agent token: the device's tunnel, through which the node opens
/// the sessions of every connection routed through it (protocol: <see cref="TunnelFrames"/>, README "Proxy"). It lasts
/// as long as the socket; when it closes, the device's open sessions end and new ones find it unreachable.
/// </summary>
public static class TunnelEndpoint
{
    public const string Path = "/tunnel";
    public const string NotADeviceToken = "The tunnel takes a device's agent token (one with remote_device_id and no job_task_id)";

    public static IEndpointRouteBuilder MapTunnelEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (HttpContext context, TunnelExits exits, NodeOptions options, ILoggerFactory loggers) =>
        {
            var deviceId = context.User.FindFirst(PlatformClaims.RemoteDeviceId)?.Value;
            if (string.IsNullOrEmpty(deviceId) || context.User.FindFirst(PlatformClaims.JobTaskId) is not null)
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: NotADeviceToken);
            if (!context.WebSockets.IsWebSocketRequest)
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Request", detail: "The tunnel is a WebSocket: ask for an upgrade");

            var logger = loggers.CreateLogger(typeof(TunnelEndpoint));
            // An agent that says it dials back carries each session on a connection of its own to the streams port, named here.
            var dialsBack = context.Request.Headers[DialBack.RequestHeader] == "dial-back";
            if (dialsBack) context.Response.Headers[DialBack.PortHeader] = options.StreamsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var transport = new WebSocketTransport(socket);
            using var tunnel = new TunnelConnection(transport) { DialsBack = dialsBack };
            exits.Connect(deviceId, tunnel);
            logger.LogInformation("Device {DeviceId} connected its tunnel", deviceId);
            try
            {
                await tunnel.RunAsync(context.RequestAborted);
            }
            finally
            {
                exits.Disconnect(deviceId, tunnel);
                await transport.CloseAsync();
                logger.LogInformation("Device {DeviceId}'s tunnel closed", deviceId);
            }
            return Results.Empty;
        });

        return app;
    }
}
