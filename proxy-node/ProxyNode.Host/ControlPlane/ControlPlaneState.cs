using System.Diagnostics;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Contracts.Proxy;
using ProxyNode.Sessions;

namespace ProxyNode.Host.ControlPlane;

/// <summary>
/// How the node learns what to admit. Every change the control plane makes reaches each node at once through its own
/// queue (a temporary one, bound to ConnectionChanged and ProxyBlacklistChanged, so every node hears every change; a
/// change is in force for the next session as soon as it is applied, well inside the reference's 100 ms). At start,
/// and every <see cref="NodeOptions.ResyncSeconds"/>, the node also reads the whole state (GET /internal/node-state
/// with its node token): that is how it starts, and it repairs whatever a broker outage kept from it. Both apply by
/// revision, so their order doesn't matter. The node is ready (/health) once it has read the state once.
/// </summary>
public static class ControlPlaneState
{
    public const string Client = "control-plane";
    public const string SnapshotPath = "/internal/node-state";
    public const string NodeTokenHeader = "X-Node-Token";

    public static WebApplicationBuilder AddControlPlaneState(this WebApplicationBuilder builder, NodeOptions options)
    {
        var services = builder.Services;
        services.AddHttpClient(Client, http =>
        {
            http.BaseAddress = new Uri(options.ControlPlaneUrl);
            if (builder.Configuration["PLATFORM_NODE_TOKEN"] is { Length: > 0 } token) http.DefaultRequestHeaders.Add(NodeTokenHeader, token);
        });
        services.AddSingleton<StateSnapshotSync>();
        services.AddHealthChecks().AddCheck<StateLoadedCheck>("control-plane-state");

        // The change feed: subscribed before the snapshot is read (the bus starts first), so nothing falls between them.
        var queue = $"proxy-node-{Sanitize(options.Name)}-{Guid.NewGuid():N}";
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<ConnectionChangedConsumer>();
            bus.AddConsumer<ProxyBlacklistChangedConsumer>();
            var rabbit = builder.Configuration.GetConnectionString("rabbitmq");
            if (string.IsNullOrWhiteSpace(rabbit))
            {
                bus.UsingInMemory((context, cfg) => cfg.ReceiveEndpoint(queue, e => Subscribe(e, context)));
            }
            else
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(rabbit));
                    cfg.ReceiveEndpoint(queue, e =>
                    {
                        // This node's own queue: gone when the node is, and never shared with another node.
                        e.AutoDelete = true;
                        e.Durable = false;
                        e.Exclusive = true;
                        Subscribe(e, context);
                    });
                });
            }
        });
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
        });
        services.AddHostedService(sp => sp.GetRequiredService<StateSnapshotSync>());
        return builder;
    }

    private static void Subscribe(IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
        endpoint.ConfigureConsumer<ConnectionChangedConsumer>(context);
        endpoint.ConfigureConsumer<ProxyBlacklistChangedConsumer>(context);
    }

    private static string Sanitize(string name) => new([.. name.ToLowerInvariant().Take(40).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}

public sealed class ConnectionChangedConsumer(NodeState state) : IConsumer<ConnectionChanged>
{
    public Task Consume(ConsumeContext<ConnectionChanged> context)
    {
        state.Apply(context.Message);
        return Task.CompletedTask;
    }
}

public sealed class ProxyBlacklistChangedConsumer(NodeState state) : IConsumer<ProxyBlacklistChanged>
{
    public Task Consume(ConsumeContext<ProxyBlacklistChanged> context)
    {
        state.Apply(context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>One page of the control plane's state, as GET /internal/node-state answers.</summary>
public sealed record NodeStatePage(IReadOnlyList<ConnectionChanged> Connections, IReadOnlyList<ProxyBlacklistChanged> Blacklists, string? Next);

/// <summary>Reads the whole state at start and every <see cref="NodeOptions.ResyncSeconds"/> (retrying soon after a failure).</summary>
public sealed class StateSnapshotSync(IHttpClientFactory clients, NodeState state, NodeOptions options, ILogger<StateSnapshotSync> logger) : BackgroundService
{
    private const int PageSize = 1000;
    private volatile bool _loaded;

    public bool Loaded => _loaded;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (connections, forgotten) = await SyncAsync(stoppingToken);
                if (!_loaded) logger.LogInformation("Read the control plane's state: {Connections} connections", connections);
                if (forgotten > 0) logger.LogWarning("{Forgotten} connections were deleted without this node hearing of it; forgotten now", forgotten);
                _loaded = true;
                retry = TimeSpan.FromSeconds(1);
                await Task.Delay(TimeSpan.FromSeconds(options.ResyncSeconds), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                logger.LogWarning("Could not read the control plane's state ({Error}); trying again in {Retry}", e.Message, retry);
                await Task.Delay(retry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                retry = TimeSpan.FromSeconds(Math.Min(30, retry.TotalSeconds * 2));
            }
        }
    }

    private async Task<(int Connections, int Forgotten)> SyncAsync(CancellationToken cancellationToken)
    {
        var askedAt = Stopwatch.GetTimestamp();
        var http = clients.CreateClient(ControlPlaneState.Client);
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? after = null;
        do
        {
            var url = $"{ControlPlaneState.SnapshotPath}?limit={PageSize}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            using var response = await http.GetAsync(url, cancellationToken);
            if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{ControlPlaneState.SnapshotPath} answered {(int)response.StatusCode}");
            var page = await response.Content.ReadFromJsonAsync<NodeStatePage>(cancellationToken)
                ?? throw new HttpRequestException($"{ControlPlaneState.SnapshotPath} answered nothing");
            foreach (var list in page.Blacklists) state.Apply(list);
            foreach (var connection in page.Connections)
            {
                state.Apply(connection);
                present.Add(connection.ConnectionId);
            }
            after = page.Next;
        }
        while (after is not null);
        return (present.Count, state.ForgetMissing(present, askedAt));
    }
}

public sealed class StateLoadedCheck(StateSnapshotSync sync) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(sync.Loaded ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The control plane's state has not been read yet"));
}
