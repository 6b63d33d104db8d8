using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.ClickHouse;

public static class ClickHouseRegistration
{
    public const string ConnectionStringName = "clickhouse";

    /// <summary>
    /// The store (connection string "clickhouse"; none configured: the store says so and its routes answer 503) and its
    /// health check, which reports a server that doesn't answer as degraded: the log is not what a service is for.
    /// </summary>
    public static IServiceCollection AddPlatformClickHouse(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ClickHouseStore(configuration.GetConnectionString(ConnectionStringName)));
        services.AddHealthChecks().AddCheck<ClickHouseHealthCheck>("clickhouse", HealthStatus.Degraded);
        return services;
    }

    private sealed class ClickHouseHealthCheck(ClickHouseStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            !store.IsConfigured ? HealthCheckResult.Healthy("ClickHouse is not configured")
            : await store.PingAsync(cancellationToken) ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "ClickHouse does not answer");
    }
}
