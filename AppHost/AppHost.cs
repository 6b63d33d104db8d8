using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Topology;

// The whole platform for local runs and the deployment model for publishing.
// With a container runtime (or when publishing a manifest): MongoDB and RabbitMQ containers.
// Without one (these machines): a private RabbitMQ node as an executable and each service's embedded LiteDB store.
var builder = DistributedApplication.CreateBuilder(args);

var repoRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
var dataDir = Path.GetFullPath(builder.Configuration["PLATFORM_DATA_DIR"] is { Length: > 0 } d ? d : Path.Combine(repoRoot, ".data"));
var gatewayPort = Port("PLATFORM_GATEWAY_PORT", 8080);
var useContainers = builder.ExecutionContext.IsPublishMode || ContainerRuntime.IsAvailable(builder.Configuration["PLATFORM_CONTAINERS"]);

// The services come from the one list (shared/Platform.Topology). Every service validates tokens with the keys Identity
// publishes (its JWKS), found through service discovery, and takes the body limit the gateway enforces for it.
var identity = AddService(PlatformServices.Identity);
var services = PlatformServices.All.Select(s => s == PlatformServices.Identity ? identity : AddService(s).WithReference(identity.GetEndpoint("http"))).ToArray();
// A service that calls another finds it through service discovery, as it finds Identity.
foreach (var (service, resource) in PlatformServices.All.Zip(services))
    foreach (var called in service.Calls ?? [])
        resource.WithReference(services[PlatformServices.All.ToList().FindIndex(s => s.Name == called)].GetEndpoint("http"));
var gateway = AddBuiltApp("gateway", "gateway/Gateway/Gateway.csproj", fixedPort: gatewayPort)
    .WithExternalHttpEndpoints()
    // A proxy's socket completions only copy bytes: running them on the socket thread saves a thread-pool hand-off per read.
    .WithEnvironment("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
foreach (var service in services) gateway.WithReference(service.GetEndpoint("http")).WaitFor(service);

// The proxy node (data plane): SOCKS5 and HTTP CONNECT on fixed ports, the devices' tunnels on its HTTP port and their
// sessions' own connections on the streams port. It
// reads the control plane's state from Proxy with the node token (one per run unless PLATFORM_NODE_TOKEN is set) and
// validates the agents' tokens with Identity's keys.
var proxy = services.Single(s => s.Resource.Name == PlatformServices.Proxy.Name);
var nodeToken = builder.Configuration["PLATFORM_NODE_TOKEN"] is { Length: > 0 } nt ? nt : Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
var socksPort = Port("PLATFORM_SOCKS_PORT", 1080);
var connectPort = Port("PLATFORM_CONNECT_PORT", 3128);
var streamsPort = Port("PLATFORM_TUNNEL_STREAMS_PORT", 8082);
var proxyNode = AddBuiltApp("proxy-node", "proxy-node/ProxyNode.Host/ProxyNode.Host.csproj", fixedPort: Port("PLATFORM_TUNNEL_PORT", 8081))
    .WithEndpoint(port: socksPort, targetPort: socksPort, name: "socks5", scheme: "tcp", isProxied: false)
    .WithEndpoint(port: connectPort, targetPort: connectPort, name: "connect", scheme: "tcp", isProxied: false)
    .WithEndpoint(port: streamsPort, targetPort: streamsPort, name: "streams", scheme: "tcp", isProxied: false)
    .WithEnvironment("PLATFORM_SOCKS_PORT", socksPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
    .WithEnvironment("PLATFORM_CONNECT_PORT", connectPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
    .WithEnvironment("PLATFORM_TUNNEL_STREAMS_PORT", streamsPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
    .WithEnvironment("PLATFORM_NODE_TOKEN", nodeToken)
    .WithEnvironment("Node__Name", builder.Configuration["PLATFORM_NODE_NAME"] is { Length: > 0 } nodeName ? nodeName : "local")
    .WithEnvironment("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1")
    .WithReference(identity.GetEndpoint("http"))
    .WithReference(proxy.GetEndpoint("http"))
    .WaitFor(proxy);
proxy.WithEnvironment("PLATFORM_NODE_TOKEN", nodeToken);

if (useContainers)
{
    var rabbit = builder.AddRabbitMQ("rabbitmq").WithDataVolume();
    var mongo = builder.AddContainer("mongo", "mongo", "8.0")
        .WithEndpoint(targetPort: 27017, name: "tcp", scheme: "tcp")
        .WithVolume("platform-mongo-data", "/data/db");
    var mongoUrl = ReferenceExpression.Create($"mongodb://{mongo.GetEndpoint("tcp").Property(EndpointProperty.HostAndPort)}");
    foreach (var service in services)
        service.WithReference(rabbit).WaitFor(rabbit).WithEnvironment("ConnectionStrings__mongo", mongoUrl).WaitFor(mongo);
    proxyNode.WithReference(rabbit).WaitFor(rabbit);

    // The request log: ClickHouse (the node writes it, Proxy reads it).
    var clickHouse = builder.AddContainer("clickhouse", "clickhouse/clickhouse-server", "25.8")
        .WithHttpEndpoint(targetPort: 8123, name: "http")
        .WithEnvironment("CLICKHOUSE_SKIP_USER_SETUP", "1")
        .WithVolume("platform-clickhouse-data", "/var/lib/clickhouse");
    var clickHouseUrl = ReferenceExpression.Create(
        $"Host={clickHouse.GetEndpoint("http").Property(EndpointProperty.Host)};Port={clickHouse.GetEndpoint("http").Property(EndpointProperty.Port)};Protocol=http;Username=default");
    foreach (var user in new[] { proxy, proxyNode }) user.WithEnvironment("ConnectionStrings__clickhouse", clickHouseUrl).WaitFor(clickHouse);
}
else
{
    var rabbitPort = Port("PLATFORM_RABBITMQ_PORT", 5673);
    builder.Services.AddHealthChecks().AddAsyncCheck("rabbitmq-port", async ct =>
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", rabbitPort, ct);
            return HealthCheckResult.Healthy();
        }
        catch (SocketException)
        {
            return HealthCheckResult.Unhealthy("RabbitMQ is not listening yet");
        }
    });
    var rabbit = builder.AddExecutable("rabbitmq", Path.Combine(repoRoot, "deploy", "local", "rabbitmq-node.sh"), repoRoot)
        .WithEnvironment("RABBITMQ_BASE", Path.Combine(dataDir, "rabbitmq"))
        .WithEnvironment("RABBITMQ_NODE_PORT", rabbitPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithHealthCheck("rabbitmq-port");
    var rabbitUrl = $"amqp://guest:guest@127.0.0.1:{rabbitPort}/";
    foreach (var service in services)
        service.WithEnvironment("ConnectionStrings__rabbitmq", rabbitUrl).WaitFor(rabbit);
    proxyNode.WithEnvironment("ConnectionStrings__rabbitmq", rabbitUrl).WaitFor(rabbit);

    // The request log: a private ClickHouse server (Debian's package, installed by ./platform) with its own folder and ports.
    var clickHousePort = Port("PLATFORM_CLICKHOUSE_PORT", 8124);
    builder.Services.AddHealthChecks().AddAsyncCheck("clickhouse-ping", async ct =>
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            return await http.GetStringAsync($"http://127.0.0.1:{clickHousePort}/ping", ct) is { } ping && ping.StartsWith("Ok", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("ClickHouse answered something else");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy("ClickHouse is not answering yet");
        }
    });
    var clickHouse = builder.AddExecutable("clickhouse", Path.Combine(repoRoot, "deploy", "local", "clickhouse-server.sh"), repoRoot)
        .WithEnvironment("CLICKHOUSE_BASE", Path.Combine(dataDir, "clickhouse"))
        .WithEnvironment("CLICKHOUSE_HTTP_PORT", clickHousePort.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithHealthCheck("clickhouse-ping");
    var clickHouseUrl = $"Host=127.0.0.1;Port={clickHousePort};Protocol=http;Username=default";
    foreach (var user in new[] { proxy, proxyNode }) user.WithEnvironment("ConnectionStrings__clickhouse", clickHouseUrl).WaitFor(clickHouse);
}

if (!builder.ExecutionContext.IsPublishMode)
{
    foreach (var process in services.Append(gateway))
        process.WithEnvironment("PLATFORM_DATA_DIR", dataDir);
    // Local runs are no Production: every process says so (a deployment's processes run as Production).
    foreach (var process in services.Append(gateway).Append(proxyNode))
        process.WithEnvironment("ASPNETCORE_ENVIRONMENT", "Local").WithEnvironment("DOTNET_ENVIRONMENT", "Local");

    // Local runs move no real money: deposits and withdrawals go through the sandbox providers, which complete at once.
    // (Payments refuses to start without a provider named, and with the sandbox anywhere near real money.)
    services.Single(s => s.Resource.Name == PlatformServices.Payments.Name)
        .WithEnvironment("Payments__DepositProvider", "sandbox")
        .WithEnvironment("Payments__PayoutProvider", "sandbox");

    // A development mail server (smtp4dev, installed by ./platform into .tools): the services' emails land in its inbox,
    // which the dashboard links. Deployments configure a real SMTP server instead (ConnectionStrings__smtp).
    var mail = AddMailServer(Path.Combine(dataDir, "mail"));
    var smtpUrl = ReferenceExpression.Create($"smtp://127.0.0.1:{mail.GetEndpoint("smtp").Property(EndpointProperty.Port)}");
    foreach (var service in services) service.WithEnvironment("ConnectionStrings__smtp", smtpUrl).WaitFor(mail);
}

// How often a busy job's owner is mailed about its completed tasks (seconds; the end-to-end suite shortens it).
if (builder.Configuration["PLATFORM_TASK_DIGEST_SECONDS"] is { Length: > 0 } digestSeconds)
    services.Single(s => s.Resource.Name == PlatformServices.Tasks.Name).WithEnvironment("Notifications__TaskDigestSeconds", digestSeconds);

// The admin routes' token (X-Admin-Token): the Proxy service's admin routes answer 503 until one is set.
if (builder.Configuration["PLATFORM_ADMIN_TOKEN"] is { Length: > 0 } adminToken)
    services.Single(s => s.Resource.Name == PlatformServices.Proxy.Name).WithEnvironment("PLATFORM_ADMIN_TOKEN", adminToken);

// Identity's per-address budgets of sign-ups and token requests a minute can be raised where every account comes from
// one address on purpose (the end-to-end suite and the benchmark, which make hundreds).
if (builder.Configuration["PLATFORM_SIGNUPS_PER_MINUTE"] is { Length: > 0 } signUps)
    identity.WithEnvironment("Identity__Limits__SignUpsPerMinute", signUps).WithEnvironment("Identity__Limits__TokenRequestsPerMinute", signUps);

// The gateway's per-token rate limit can be raised for load tests (the benchmark does).
if (builder.Configuration["PLATFORM_RATE_LIMIT_PER_SECOND"] is { Length: > 0 } rate)
    gateway.WithEnvironment("Gateway__RateLimitPerSecond", rate).WithEnvironment("Gateway__RateLimitBurst", rate);

builder.Build().Run();

int Port(string setting, int fallback) => int.TryParse(builder.Configuration[setting], out var port) ? port : fallback;

IResourceBuilder<ExecutableResource> AddMailServer(string folder)
{
    var smtp4dev = Path.Combine(repoRoot, ".tools", "smtp4dev", "smtp4dev");
    if (!File.Exists(smtp4dev)) throw new InvalidOperationException($"The development mail server is missing ({smtp4dev}); ./platform up installs it.");
    Directory.CreateDirectory(folder);
    var server = builder.AddExecutable("mail", smtp4dev, folder)
        .WithHttpEndpoint(name: "http")
        .WithEndpoint(name: "smtp", scheme: "tcp")
        .WithUrlForEndpoint("http", url => url.DisplayText = "Inbox");
    var http = server.GetEndpoint("http");
    var smtp = server.GetEndpoint("smtp");
    return server.WithArgs(
        ReferenceExpression.Create($"--urls=http://127.0.0.1:{http.Property(EndpointProperty.TargetPort)}"),
        ReferenceExpression.Create($"--smtpport={smtp.Property(EndpointProperty.TargetPort)}"),
        "--imapport=", "--pop3port=", "--bindaddress=127.0.0.1", "--nousersettings",
        $"--baseappdatapath={folder}", $"--db={Path.Combine(folder, "smtp4dev.db")}");
}

IResourceBuilder<ExecutableResource> AddService(PlatformService service) =>
    AddBuiltApp(service.Name, service.ApiProjectPath)
        .WithEnvironment("Http__MaxRequestBodyBytes", service.MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));

// Each .NET process runs the executable its build made (the AppHost's ProjectReferences build them first, in the AppHost's
// configuration), started directly: a project resource would keep a `dotnet run` host of about 125 MB alive beside
// every service. It listens on loopback on the port the orchestrator gives its endpoint, and exports telemetry to the
// dashboard like a project would.
IResourceBuilder<ExecutableResource> AddBuiltApp(string name, string projectPath, int? fixedPort = null)
{
    var project = Path.GetFullPath(Path.Combine(repoRoot, projectPath));
    var folder = Path.GetDirectoryName(project)!;
    var configuration = typeof(Program).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
        .OfType<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Debug";
    var executable = Path.Combine(folder, "bin", configuration, "net10.0", Path.GetFileNameWithoutExtension(project));
    if (!File.Exists(executable)) throw new InvalidOperationException($"{name}: {executable} is missing; build the solution ({configuration}) first.");

    var app = builder.AddExecutable(name, executable, folder)
        .WithHttpEndpoint(port: fixedPort, isProxied: fixedPort is null)
        .WithOtlpExporter();
    var http = app.GetEndpoint("http");
    return app.WithEnvironment("ASPNETCORE_URLS", ReferenceExpression.Create($"http://127.0.0.1:{http.Property(EndpointProperty.TargetPort)}"));
}
