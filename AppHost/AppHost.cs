using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

// The whole platform for local runs and the deployment model for publishing.
// With a container runtime (or when publishing a manifest): MongoDB and RabbitMQ containers.
// Without one (these machines): a private RabbitMQ node as an executable and each service's embedded LiteDB store.
var builder = DistributedApplication.CreateBuilder(args);

var repoRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
var dataDir = Path.GetFullPath(builder.Configuration["PLATFORM_DATA_DIR"] is { Length: > 0 } d ? d : Path.Combine(repoRoot, ".data"));
var gatewayPort = int.TryParse(builder.Configuration["PLATFORM_GATEWAY_PORT"], out var gp) ? gp : 8080;
var useContainers = builder.ExecutionContext.IsPublishMode || ContainerRuntime.IsAvailable(builder.Configuration["PLATFORM_CONTAINERS"]);

var identity = builder.AddProject<Projects.Identity_Api>("identity");
// Every service validates tokens with the keys Identity publishes (its JWKS), found through service discovery.
var jobs = builder.AddProject<Projects.Jobs_Api>("jobs").WithReference(identity);
var gateway = builder.AddProject<Projects.Gateway>("gateway")
    .WithEndpoint("http", e =>
    {
        e.Port = gatewayPort;
        e.IsProxied = false;
    })
    .WithExternalHttpEndpoints()
    // A proxy's socket completions only copy bytes: running them on the socket thread saves a thread-pool hand-off per read.
    .WithEnvironment("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1")
    .WithReference(identity).WithReference(jobs)
    .WaitFor(identity).WaitFor(jobs);
IResourceBuilder<ProjectResource>[] services = [identity, jobs];

if (useContainers)
{
    var rabbit = builder.AddRabbitMQ("rabbitmq").WithDataVolume();
    var mongo = builder.AddContainer("mongo", "mongo", "8.0")
        .WithEndpoint(targetPort: 27017, name: "tcp", scheme: "tcp")
        .WithVolume("platform-mongo-data", "/data/db");
    var mongoUrl = ReferenceExpression.Create($"mongodb://{mongo.GetEndpoint("tcp").Property(EndpointProperty.HostAndPort)}");
    foreach (var service in services)
        service.WithReference(rabbit).WaitFor(rabbit).WithEnvironment("ConnectionStrings__mongo", mongoUrl).WaitFor(mongo);
}
else
{
    var rabbitPort = int.TryParse(builder.Configuration["PLATFORM_RABBITMQ_PORT"], out var rp) ? rp : 5673;
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
}

if (!builder.ExecutionContext.IsPublishMode)
{
    foreach (var process in services.Append(gateway))
        process.WithEnvironment("PLATFORM_DATA_DIR", dataDir);
}

// The gateway's per-token rate limit can be raised for load tests (the benchmark does).
if (builder.Configuration["PLATFORM_RATE_LIMIT_PER_SECOND"] is { Length: > 0 } rate)
    gateway.WithEnvironment("Gateway__RateLimitPerSecond", rate).WithEnvironment("Gateway__RateLimitBurst", rate);

builder.Build().Run();
