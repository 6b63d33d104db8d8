using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Application.Events;
using Platform.Messaging;
using Platform.Persistence;
using Proxy.Application.Connections;
using Proxy.Application.Events;
using Proxy.Application.Ports;
using Platform.ClickHouse;
using Proxy.Infrastructure.Persistence;
using Proxy.Infrastructure.RequestLog;
using Proxy.Infrastructure.Security;

namespace Proxy.Infrastructure;

public static class DependencyInjection
{
    public const string ServiceName = "proxy";

    /// <summary>
    /// Proxy's adapters: connections, blacklists and the device replica in the store (which the API host's setup
    /// registers), passwords encrypted with ASP.NET Data Protection (its key ring in Proxy:KeyRingPath, by default a
    /// folder beside the store; a deployment with several replicas shares it, a Kubernetes secret or volume), and
    /// messaging: connection and blacklist changes out, device events in; and the request log the proxy nodes write to
    /// ClickHouse (connection string "clickhouse"), read for the logs, bandwidth and admin routes.
    /// </summary>
    public static IHostApplicationBuilder AddProxyInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IIntegrationEventMap, ProxyIntegrationEvents>();
        services.AddSingleton<IConnectionRepository, ConnectionRepository>();
        services.AddSingleton<IBlacklistRepository, BlacklistRepository>();
        services.AddSingleton<IProxyDevices, ProxyDeviceReplica>();
        services.AddPlatformClickHouse(builder.Configuration);
        services.AddSingleton<IRequestLog, ClickHouseRequestLogReader>();
        var keyRing = builder.Configuration["Proxy:KeyRingPath"] is { Length: > 0 } path
            ? path
            : Path.Combine(StoreRegistration.DataDirectory(builder.Configuration), "proxy-keys");
        services.AddDataProtection().SetApplicationName("platform-proxy").PersistKeysToFileSystem(new DirectoryInfo(keyRing));
        services.AddSingleton<IPasswordProtector, DataProtectionPasswords>();
        services.AddSingleton<ConnectionPasswords>();
        services.AddPlatformMessaging(builder.Configuration, ServiceName, typeof(DependencyInjection).Assembly);
        services.AddOutboxSource<ConnectionDocument>(ConnectionRepository.CollectionName);
        services.AddOutboxSource<BlacklistDocument>(BlacklistRepository.CollectionName);
        services.AddIndexes(ConnectionRepository.EnsureIndexesAsync);
        services.AddIndexes(ProxyDeviceReplica.EnsureIndexesAsync);
        return builder;
    }
}
