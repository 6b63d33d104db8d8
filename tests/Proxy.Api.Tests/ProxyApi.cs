using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Devices;
using Platform.Testing;
using Proxy.Application.Ports;

namespace Proxy.Api.Tests;

/// <summary>The Proxy service in memory, with the admin and node tokens set, and a helper that announces devices as Devices does.</summary>
public sealed class ProxyApi : ServiceFactory<Program>
{
    public const string AdminToken = "test-admin-token-0123456789";
    public const string NodeToken = "test-node-token-0123456789";

    /// <summary>Set before the host starts: null runs the service with no admin token configured.</summary>
    public string? ConfiguredAdminToken { get; init; } = AdminToken;

    /// <summary>The request log's ClickHouse: by default the test process's shared server; empty: none configured.</summary>
    public string? ClickHouse { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PLATFORM_ADMIN_TOKEN", ConfiguredAdminToken ?? string.Empty);
        builder.UseSetting("PLATFORM_NODE_TOKEN", NodeToken);
        builder.UseSetting("ConnectionStrings:clickhouse", ClickHouse ?? ClickHouseServer.SharedAsync().GetAwaiter().GetResult().ConnectionString);
    }

    /// <summary>Devices announces <paramref name="ownerId"/>'s device; waits until Proxy holds it. Its id.</summary>
    public async Task<string> DeviceOfAsync(string ownerId, long revision = 1, string? deviceId = null)
    {
        var id = deviceId ?? Guid.NewGuid().ToString();
        await Harness.Bus.Publish(new DeviceRegistered(new DeviceSnapshot
        {
            RemoteDeviceId = id, OwnerId = ownerId, Name = $"Device {id[..8]}", Country = "US", Brand = "Samsung", Model = "SM-G998B", IsOnMarket = false,
            PaymentType = "action", Automations = [], Online = true, Revision = revision,
        }, new string('a', 64)));
        await Eventually.HoldsAsync(async () => (await Services.GetRequiredService<IProxyDevices>().GetAsync(id, CancellationToken.None))?.Revision >= revision,
            "Proxy heard of the device");
        return id;
    }
}
