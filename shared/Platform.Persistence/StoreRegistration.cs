using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Persistence.LiteDb;
using Platform.Persistence.Mongo;
using Platform.Persistence.Outbox;

namespace Platform.Persistence;

public static class StoreRegistration
{
    /// <summary>The health-check tag of what must be up before the service takes traffic (the service defaults' readiness).</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// The service's own database: MongoDB when a connection string is configured (ConnectionStrings:mongo or
    /// PLATFORM_MONGO; database = the service name), otherwise the embedded LiteDB file
    /// {PLATFORM_DATA_DIR or ./.data}/{service}.db. Also registers the outbox queue, the clock and a readiness check (tagged "ready", so
    /// /health reports the store).
    /// </summary>
    public static IHostApplicationBuilder AddPlatformStore(this IHostApplicationBuilder builder, string serviceName)
    {
        var mongo = MongoConnectionString(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton<OutboxQueue>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDocumentStore>(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Storage");
            var queue = sp.GetRequiredService<OutboxQueue>();
            if (mongo is not null)
            {
                logger.LogInformation("Store: MongoDB database '{Database}'", serviceName);
                return new MongoStore(mongo, serviceName, queue);
            }
            var file = Path.Combine(DataDirectory(builder.Configuration), $"{serviceName}.db");
            logger.LogInformation("Store: embedded LiteDB file {File}", file);
            return new LiteDbStore(file, queue);
        });
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [ReadyTag]);
        return builder;
    }

    public static string? MongoConnectionString(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString("mongo");
        if (string.IsNullOrWhiteSpace(value)) value = configuration["PLATFORM_MONGO"];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public static string DataDirectory(IConfiguration configuration)
    {
        var configured = configuration["PLATFORM_DATA_DIR"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(Environment.CurrentDirectory, ".data") : configured);
    }

    private sealed class StoreHealthCheck(IDocumentStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                await store.PingAsync(timeout.Token);
                return HealthCheckResult.Healthy($"{store.Kind} reachable");
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy($"{store.Kind} unreachable", ex);
            }
        }
    }
}
