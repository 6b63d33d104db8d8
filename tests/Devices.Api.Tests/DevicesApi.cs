using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Devices.Application.Devices;
using Devices.Application.Ports;
using Devices.Domain.Devices;
using Mediator;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Devices.Api.Tests;

/// <summary>
/// The Devices service on a clock the test moves; the test runs the offline sweep itself. Payments' rental billing is
/// <see cref="Billing"/>, a ledger of renters' balances in memory (the Payments tests and the end-to-end suite check the real one).
/// </summary>
public sealed class DevicesApi(TimeProvider clock) : ServiceFactory<Program>
{
    public FakeRentalBilling Billing { get; } = new();

    /// <summary>The notifications (text messages by email) Devices queued.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<Platform.Application.Notifications.Notification> Messages { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Devices:OfflineSweepInterval", "1.00:00:00");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(clock);
            services.Replace(ServiceDescriptor.Singleton<IRentalBilling>(Billing));
            services.Replace(ServiceDescriptor.Singleton<Platform.Application.Notifications.INotifier>(new CapturingNotifier(Messages)));
        });
    }

    /// <summary>Runs the offline sweep once; how many devices went offline.</summary>
    public async Task<int> SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new MarkSilentDevicesOffline())).Value;
    }

    /// <summary>Runs the sweep's rental part once; how many rentals whose billing never opened ended.</summary>
    public async Task<int> EndUnbilledRentalsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new Devices.Application.Rentals.EndUnbilledRentals())).Value;
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

/// <summary>
/// Payments' rental billing in memory: each renter's balance (set by the test); opening a rental takes its first hour
/// from it, or is refused as Payments refuses. <see cref="Unreachable"/> answers as a Payments that is down;
/// <see cref="Hold"/> keeps the answer back until the test lets it go.
/// </summary>
public sealed class FakeRentalBilling : IRentalBilling
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, decimal> _balances = new();

    public System.Collections.Concurrent.ConcurrentQueue<(string RentalId, string DeviceId, string OwnerId, decimal Rate)> Opened { get; } = new();
    public bool Unreachable { get; set; }
    public TaskCompletionSource? Hold { get; set; }

    public void Give(string renterId, decimal amount) => _balances[renterId] = amount;

    public async Task<RentalBillingAnswer> OpenAsync(Device device, DeviceRental rental, CancellationToken cancellationToken)
    {
        if (Hold is { } hold) await hold.Task;
        if (Unreachable) return new RentalBillingAnswer(RentalBillingStatus.Unknown);
        var paid = false;
        _balances.AddOrUpdate(rental.RenterId, 0m, (_, balance) =>
        {
            paid = balance >= rental.HourlyRate;
            return paid ? balance - rental.HourlyRate : balance;
        });
        if (!paid) return new RentalBillingAnswer(RentalBillingStatus.Refused, $"Insufficient balance to rent this device: an hour costs {rental.HourlyRate}");
        Opened.Enqueue((rental.RentalId, device.Id, device.OwnerId, rental.HourlyRate));
        return new RentalBillingAnswer(RentalBillingStatus.Opened);
    }
}
