using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Devices.Application.Devices;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Devices.Api.Tests;

/// <summary>The Devices service on a clock the test moves; the test runs the offline sweep itself.</summary>
public sealed class DevicesApi(TimeProvider clock) : ServiceFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Devices:OfflineSweepInterval", "1.00:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    /// <summary>Runs the offline sweep once; how many devices went offline.</summary>
    public async Task<int> SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new MarkSilentDevicesOffline())).Value;
    }

    public static JsonObject Phone(string country = "US", string? phoneNumber = null) => new()
    {
        ["brand"] = "Samsung",
        ["model"] = "Galaxy S21",
        ["country"] = country,
        ["isEmulator"] = false,
        ["networkType"] = "wifi",
        ["numberOfCores"] = 8,
        ["ramMb"] = 8192,
        ["processor"] = "Snapdragon 888",
        ["sdkVersion"] = "31",
        ["version"] = "12",
        ["phoneNumber"] = phoneNumber,
    };

    /// <summary>Registers a phone as <paramref name="owner"/>; its id, name and secret.</summary>
    public static async Task<(string Id, string Name, string Secret)> RegisterAsync(HttpClient owner, string country = "US")
    {
        var response = await owner.PostAsJsonAsync("/api/v1/devices/register", Phone(country));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["remote_device_id"]!.GetValue<string>(), body["name"]!.GetValue<string>(), body["device_secret"]!.GetValue<string>());
    }
}

/// <summary>A test class against a fresh Devices service on a moved clock, with one owner signed in.</summary>
public abstract class DevicesApiTest : IDisposable
{
    protected DevicesApiTest()
    {
        Api = new DevicesApi(Clock);
        Owner = Api.ClientFor(OwnerId);
    }

    protected Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    protected DevicesApi Api { get; }
    protected string OwnerId { get; } = Platform.Application.Ids.ObjectIds.New();
    protected HttpClient Owner { get; }

    protected static async Task<JsonObject> JsonOf(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public void Dispose()
    {
        Api.Dispose();
        GC.SuppressFinalize(this);
    }
}
