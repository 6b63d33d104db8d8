using ProxyNode.Host;
using ProxyNode.Host.ControlPlane;
using ProxyNode.Host.Listeners;
using ProxyNode.Host.Tunnels;
using ProxyNode.Sessions;
using ProxyNode.Tunnel;
using Platform.ClickHouse;
using Platform.ServiceDefaults.Auth;

// The proxy node: customers' SOCKS5 and HTTP CONNECT sessions in, each out through its connection's device, whose agent
// keeps a tunnel here (/tunnel, with its agent token) and brings each session's bytes back on a connection of its own
// (the streams port, StreamsListener). What it admits comes from the control plane: a snapshot at start
// and now and then, and every change as it happens (ConnectionChanged, ProxyBlacklistChanged). Every attempt goes to the
// request log in ClickHouse.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
var options = NodeOptions.From(builder.Configuration);
builder.Services.AddSingleton(options);
builder.Services.AddSingleton(new NodeState(options.Sessions));
var dialBacks = new DialBackStreams();
builder.Services.AddSingleton(dialBacks);
builder.Services.AddSingleton(new TunnelExits(TimeSpan.FromSeconds(options.OpenTimeoutSeconds), dialBacks));
builder.Services.AddSingleton<SessionLog>();
builder.Services.AddPlatformClickHouse(builder.Configuration);
builder.Services.AddHostedService<RequestLogService>();
builder.Services.AddHostedService<ProxyListeners>();
builder.Services.AddHostedService<StreamsListener>();
builder.AddControlPlaneState(options);

var app = builder.Build();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15), KeepAliveTimeout = TimeSpan.FromSeconds(30) });
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapTunnelEndpoint();
app.Run();

public partial class Program;
