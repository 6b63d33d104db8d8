using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Payments.Application.Rentals;
using Payments.Domain.Ledger;
using Platform.Contracts.Devices;
using Platform.Contracts.Payments;
using Platform.Testing;

namespace Payments.Api.Tests;

/// <summary>Payments on a clock the test moves; the test runs the rental sweep itself.</summary>
public sealed class ClockedPaymentsApi(TimeProvider clock) : PaymentsApi
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Payments:RentalBillingInterval", "1.00:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    /// <summary>Runs the rental sweep once.</summary>
    public async Task SweepRentalsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new BillRentalHours());
    }
}

/// <summary>
/// Device rentals billed by the hour: the first hour when the rental opens (Devices' internal call, the renter's token),
/// each later hour when it starts (the sweep), the owner paid the rate less the 10% fee, every hour once; an hour the
/// renter can't pay stops the billing and tells Devices; an ended rental bills the hours that started, none after.
/// </summary>
public sealed class RentalBillingTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly ClockedPaymentsApi _api;
    private readonly string _ownerId = PaymentsApi.NewId();
    private readonly string _deviceId = Guid.NewGuid().ToString();

    public RentalBillingTests() => _api = new ClockedPaymentsApi(_clock);

    public void Dispose() => _api.Dispose();

    private HttpClient Owner => _api.ClientFor(_ownerId);

    private Task<HttpResponseMessage> OpenAsync(HttpClient renter, string rentalId, decimal rate, DateTime? startedAt = null, string? ownerId = null) =>
        renter.PostAsJsonAsync("/internal/rentals", new JsonObject
        {
            ["rental_id"] = rentalId, ["remote_device_id"] = _deviceId, ["owner_id"] = ownerId ?? _ownerId, ["hourly_rate"] = rate,
            ["started_at"] = (startedAt ?? _clock.GetUtcNow().UtcDateTime).ToString("O"),
        });

    private async Task ExpectAvailableAsync(HttpClient user, decimal available, string because) =>
        await Eventually.HoldsAsync(async () => (await PaymentsApi.BalanceAsync(user)).Active == available,
            $"{because}: available {available} (is {(await PaymentsApi.BalanceAsync(user)).Active})");

    private Task EndAsync(string rentalId, DateTime endedAt) => _api.Harness.Bus.Publish(new RentalEnded(new DeviceSnapshot
    {
        RemoteDeviceId = _deviceId, OwnerId = _ownerId, Name = "Atomic Mammal", Country = "US", IsOnMarket = true, PaymentType = "live", Automations = [],
        Online = true, Revision = 3,
    }, rentalId, "renter", endedAt, "renter"), c => c.MessageId = NewId.NextGuid());

    [Fact]
    public async Task Opening_pays_the_first_hour_and_each_hour_that_starts_is_billed_once_by_the_sweep()
    {
        var (_, renter) = await _api.UserWithAsync(10m);
        var rentalId = Guid.NewGuid().ToString();

        var opened = await OpenAsync(renter, rentalId, 2m);
        (await OpenAsync(renter, rentalId, 2m)).StatusCode.Should().Be(HttpStatusCode.OK, "asking again for the same rental answers the same");

        opened.StatusCode.Should().Be(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        var body = (await opened.Content.ReadFromJsonAsync<JsonObject>())!;
        body["hours_billed"]!.GetValue<int>().Should().Be(1);
        body["fee_per_hour"]!.GetValue<decimal>().Should().Be(0.2m);
        await ExpectAvailableAsync(renter, 8m, "one hour paid");
        await ExpectAvailableAsync(Owner, 1.8m, "the owner earns the rate less the 10% fee");

        _clock.Advance(TimeSpan.FromMinutes(59));
        await _api.SweepRentalsAsync();
        await ExpectAvailableAsync(renter, 8m, "the second hour has not started");
        _clock.Advance(TimeSpan.FromMinutes(2));
        await Task.WhenAll(_api.SweepRentalsAsync(), _api.SweepRentalsAsync(), _api.SweepRentalsAsync());
        await ExpectAvailableAsync(renter, 6m, "the second hour, billed once by three sweeps at once");
        _clock.Advance(TimeSpan.FromHours(2));
        await _api.SweepRentalsAsync();
        await ExpectAvailableAsync(renter, 2m, "hours 3 and 4, caught up by one sweep");
        await ExpectAvailableAsync(Owner, 7.2m, "four hours' earnings");
        (await _api.Services.GetRequiredService<Payments.Application.Ports.ILedger>().BalanceAsync(RentalHours.Keys.Account(rentalId), CancellationToken.None))
            .Should().Be(0m, "nothing stays in the rental's account");
        (await _api.RecomputedBalancesAsync())[Accounts.Revenue].Should().Be(0.8m);
        await _api.ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task A_renter_who_cant_pay_the_first_hour_is_refused_and_nothing_moves()
    {
        var (_, renter) = await _api.UserWithAsync(2.99m);

        var refused = await OpenAsync(renter, Guid.NewGuid().ToString(), 3m);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().StartWith(OpenRentalBillingHandler.InsufficientBalance);
        await ExpectAvailableAsync(renter, 2.99m, "nothing was taken");
        _api.Published<RentalPaymentFailed>(_ => true).Should().BeEmpty("the refusal is the answer; Devices ends the start itself");
        await _api.ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task An_hour_the_renter_cant_pay_stops_the_billing_and_tells_Devices()
    {
        var (renterId, renter) = await _api.UserWithAsync(5m);
        var rentalId = Guid.NewGuid().ToString();
        (await OpenAsync(renter, rentalId, 2m)).StatusCode.Should().Be(HttpStatusCode.OK);

        _clock.Advance(TimeSpan.FromHours(2.5));
        await _api.SweepRentalsAsync();

        var failed = await _api.PublishedAsync<RentalPaymentFailed>(e => e.RentalId == rentalId);
        failed.Hour.Should().Be(3, "hours 1 and 2 were paid from 5, hour 3 is not covered by what is left");
        failed.RemoteDeviceId.Should().Be(_deviceId);
        failed.RenterId.Should().Be(renterId);
        await ExpectAvailableAsync(renter, 1m, "two hours paid");
        _clock.Advance(TimeSpan.FromHours(5));
        (await PaymentsApi.DepositAsync(renter, 100m)).EnsureSuccessStatusCode();
        await _api.SweepRentalsAsync();
        await ExpectAvailableAsync(renter, 101m, "no hour is billed after the unpaid one, even once the renter could pay");
        await _api.ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task An_ended_rental_bills_the_hours_that_started_before_its_end_and_none_after()
    {
        var (_, renter) = await _api.UserWithAsync(10m);
        var rentalId = Guid.NewGuid().ToString();
        var startedAt = _clock.GetUtcNow().UtcDateTime;
        (await OpenAsync(renter, rentalId, 1m)).StatusCode.Should().Be(HttpStatusCode.OK);

        // The sweep has not run since; the rental ends 1 h 10 min in: the second hour had started.
        _clock.Advance(TimeSpan.FromMinutes(75));
        await EndAsync(rentalId, startedAt.AddMinutes(70));
        await ExpectAvailableAsync(renter, 8m, "two started hours");
        _clock.Advance(TimeSpan.FromHours(3));
        await _api.SweepRentalsAsync();
        await EndAsync(rentalId, startedAt.AddHours(3));

        await ExpectAvailableAsync(renter, 8m, "nothing after the end, and a second end changes nothing");
        await _api.ExpectLedgerAddsUpAsync();
    }

    [Theory]
    [InlineData("""{"remote_device_id":"d","owner_id":"o","hourly_rate":1,"started_at":"2026-11-29T12:00:00Z"}""", "rental_id is required")]
    [InlineData("""{"rental_id":"r","remote_device_id":"d","owner_id":"o","hourly_rate":0,"started_at":"2026-11-29T12:00:00Z"}""", "hourly_rate")]
    [InlineData("""{"rental_id":"r","remote_device_id":"d","owner_id":"o","hourly_rate":"x","started_at":"2026-11-29T12:00:00Z"}""", "hourly_rate")]
    [InlineData("""{"rental_id":"r","remote_device_id":"d","owner_id":"o","hourly_rate":1.00001,"started_at":"2026-11-29T12:00:00Z"}""", "hourly_rate")]
    [InlineData("""{"rental_id":"r","remote_device_id":"d","owner_id":"o","hourly_rate":1}""", "started_at is required")]
    [InlineData("""{"rental_id":"r","remote_device_id":"d","owner_id":"o","hourly_rate":1,"started_at":"yesterday"}""", "started_at must be an ISO 8601")]
    public async Task A_bad_opening_is_a_400(string body, string error)
    {
        var (_, renter) = await _api.UserWithAsync(10m);

        var response = await renter.PostAsync("/internal/rentals", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Contain(error);
    }

    [Fact]
    public async Task An_owner_doesnt_rent_their_own_device_and_a_rental_id_is_one_renters()
    {
        var (ownerId, owner) = await _api.UserWithAsync(10m);
        var (_, renter) = await _api.UserWithAsync(10m);
        var (_, other) = await _api.UserWithAsync(10m);
        var rentalId = Guid.NewGuid().ToString();

        var own = await OpenAsync(owner, Guid.NewGuid().ToString(), 1m, ownerId: ownerId);
        (await OpenAsync(renter, rentalId, 1m)).StatusCode.Should().Be(HttpStatusCode.OK);
        var taken = await OpenAsync(other, rentalId, 1m);

        own.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        taken.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await ExpectAvailableAsync(other, 10m, "nothing taken from another renter");
    }
}
