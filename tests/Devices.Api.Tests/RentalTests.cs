using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Devices.Application.Rentals;
using Devices.Domain.Devices;
using Platform.Contracts.Devices;
using Platform.Contracts.Payments;
using Platform.Testing;

namespace Devices.Api.Tests;

/// <summary>
/// Route 59: renting another owner's live-payment device by the hour (its first hour paid through Payments' billing, a
/// fake here), where a rented device shows (routes 20, 21), what the owner may still change, ending a rental, an unpaid
/// hour, and renters racing for one device.
/// </summary>
public sealed class RentalTests : DevicesApiTest
{
    private readonly string _renterId = Platform.Application.Ids.ObjectIds.New();
    private HttpClient Renter => Api.ClientFor(_renterId);

    /// <summary>The owner's phone, online, on the market for rent at <paramref name="rate"/> an hour.</summary>
    private async Task<(string Id, string Name)> ForRentAsync(decimal rate = 2.5m, string paymentType = "live", bool online = true)
    {
        var (id, name, _) = await DevicesApi.RegisterAsync(Owner);
        var listed = await Owner.PatchAsJsonAsync($"/api/v1/devices/{id}", new JsonObject { ["is_onMarket"] = true, ["payment_type"] = paymentType, ["hourly_rate"] = rate });
        listed.StatusCode.Should().Be(HttpStatusCode.OK, await listed.Content.ReadAsStringAsync());
        if (online) (await Api.AgentClientFor(OwnerId, id).PostAsync("/api/v1/agent/heartbeat", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        return (id, name);
    }

    private static Task<HttpResponseMessage> RentAsync(HttpClient renter, string deviceId) => renter.PostAsync($"/api/v1/devices/{deviceId}/rental", null);

    private static async Task<string> ErrorOf(HttpResponseMessage response) => (await JsonOf(response))["error"]!.GetValue<string>();

    private async Task<JsonArray> LiveMarketAsync(HttpClient caller) =>
        (await caller.GetFromJsonAsync<JsonArray>("/api/v1/devices/market?payment_type=live"))!;

    [Fact]
    public async Task A_renter_rents_a_live_device_it_is_in_their_list_off_the_market_and_its_first_hour_is_paid()
    {
        var (deviceId, name) = await ForRentAsync(rate: 2.5m);
        Api.Billing.Give(_renterId, 10m);
        var offered = (await LiveMarketAsync(Renter)).Single(d => d!["name"]!.GetValue<string>() == name)!;
        offered["remote_device_id"]!.GetValue<string>().Should().Be(deviceId);
        offered["hourly_rate"]!.GetValue<decimal>().Should().Be(2.5m);
        (await Renter.GetFromJsonAsync<JsonArray>("/api/v1/devices/market"))!.Should().NotContain(d => d!["name"]!.GetValue<string>() == name,
            "the reference's market lists action-payment devices only");

        var rented = await RentAsync(Renter, deviceId);

        rented.StatusCode.Should().Be(HttpStatusCode.Created, await rented.Content.ReadAsStringAsync());
        var rental = await JsonOf(rented);
        rental["remote_device_id"]!.GetValue<string>().Should().Be(deviceId);
        rental["renter_id"]!.GetValue<string>().Should().Be(_renterId);
        rental["hourly_rate"]!.GetValue<decimal>().Should().Be(2.5m);
        rental["started_at"]!.GetValue<DateTime>().Should().Be(Clock.GetUtcNow().UtcDateTime);
        var rentalId = rental["rental_id"]!.GetValue<string>();
        Api.Billing.Opened.Should().ContainSingle().Which.Should().Be((rentalId, deviceId, OwnerId, 2.5m));

        var mine = (await Renter.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!;
        mine.Should().ContainSingle().Which!["remote_device_id"]!.GetValue<string>().Should().Be(deviceId);
        mine[0]!["is_rented"]!.GetValue<bool>().Should().BeTrue();
        mine[0]!["rental"]!["rental_id"]!.GetValue<string>().Should().Be(rentalId);
        var owners = (await Owner.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!.Single()!;
        owners["rental"]!["renter_id"]!.GetValue<string>().Should().Be(_renterId, "the owner sees who rents their device");
        (await LiveMarketAsync(Renter)).Should().NotContain(d => d!["name"]!.GetValue<string>() == name, "a rented device is off the market");

        var announced = await Api.PublishedAsync<DeviceRented>(e => e.RentalId == rentalId);
        announced.RenterId.Should().Be(_renterId);
        announced.Device.RenterId.Should().Be(_renterId, "Tasks learns whose tasks it runs");
        announced.HourlyRate.Should().Be(2.5m);
    }

    [Fact]
    public async Task Every_refusal_of_a_rental_names_its_reason()
    {
        var (live, _) = await ForRentAsync();
        var (action, _) = await ForRentAsync(paymentType: "action");
        var (offline, _) = await ForRentAsync(online: false);
        var (unlisted, _, _) = await DevicesApi.RegisterAsync(Owner);
        Api.Billing.Give(_renterId, 100m);

        var own = await RentAsync(Owner, live);
        var notLive = await RentAsync(Renter, action);
        var notOnline = await RentAsync(Renter, offline);
        var offMarket = await RentAsync(Renter, unlisted);
        var unknown = await RentAsync(Renter, Guid.NewGuid().ToString());
        var notAnId = await RentAsync(Renter, "not-a-device");
        (await RentAsync(Renter, live)).StatusCode.Should().Be(HttpStatusCode.Created);
        var again = await RentAsync(Renter, live);
        var other = Platform.Application.Ids.ObjectIds.New();
        Api.Billing.Give(other, 100m);
        var taken = await RentAsync(Api.ClientFor(other), live);
        var agent = await RentAsync(Api.AgentClientFor(OwnerId, live), live);

        own.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(own)).Should().Be(RentDeviceHandler.OwnDevice);
        notLive.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(notLive)).Should().Be(RentDeviceHandler.NotLive);
        notOnline.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ErrorOf(notOnline)).Should().Be(RentDeviceHandler.Offline);
        offMarket.StatusCode.Should().Be(HttpStatusCode.NotFound, "another owner's device off the market is not shown");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        notAnId.StatusCode.Should().Be(HttpStatusCode.NotFound);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ErrorOf(again)).Should().Be(RentDeviceHandler.RentedByCaller);
        taken.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ErrorOf(taken)).Should().Be(RentDeviceHandler.RentedByOther);
        agent.StatusCode.Should().Be(HttpStatusCode.Forbidden, "an agent token opens only the agent routes");
        Api.Billing.Opened.Should().ContainSingle("only the one rental that started was billed");
    }

    [Fact]
    public async Task A_renter_who_cant_pay_the_first_hour_is_refused_and_the_device_stays_for_rent()
    {
        var (deviceId, name) = await ForRentAsync(rate: 3m);
        Api.Billing.Give(_renterId, 2.99m);

        var refused = await RentAsync(Renter, deviceId);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(refused)).Should().StartWith("Insufficient balance to rent this device");
        (await Renter.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!.Should().BeEmpty();
        (await LiveMarketAsync(Renter)).Should().Contain(d => d!["name"]!.GetValue<string>() == name);
        var ended = await Api.PublishedAsync<RentalEnded>(e => e.Device.RemoteDeviceId == deviceId);
        ended.Reason.Should().Be(RentalEndReasons.Unpaid);
        ended.Device.RenterId.Should().BeNull();

        Api.Billing.Unreachable = true;
        Api.Billing.Give(_renterId, 100m);
        var down = await RentAsync(Renter, deviceId);
        down.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await Renter.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!.Should().BeEmpty("nothing is rented when Payments did not answer");
    }

    [Fact]
    public async Task Ending_a_rental_frees_the_device_and_counts_every_started_hour()
    {
        var (deviceId, name) = await ForRentAsync(rate: 2m);
        Api.Billing.Give(_renterId, 10m);
        var rentalId = (await JsonOf(await RentAsync(Renter, deviceId)))["rental_id"]!.GetValue<string>();
        Clock.Advance(TimeSpan.FromMinutes(150));

        var byOwner = await Owner.DeleteAsync($"/api/v1/devices/{deviceId}/rental");
        var byStranger = await Api.ClientFor(Platform.Application.Ids.ObjectIds.New()).DeleteAsync($"/api/v1/devices/{deviceId}/rental");
        var ended = await Renter.DeleteAsync($"/api/v1/devices/{deviceId}/rental");

        byOwner.StatusCode.Should().Be(HttpStatusCode.NotFound, "only the renter ends a rental");
        (await ErrorOf(byOwner)).Should().Be(EndRentalHandler.NotRenting);
        byStranger.StatusCode.Should().Be(HttpStatusCode.NotFound);
        ended.StatusCode.Should().Be(HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());
        var summary = await JsonOf(ended);
        summary["rental_id"]!.GetValue<string>().Should().Be(rentalId);
        summary["hours_billed"]!.GetValue<int>().Should().Be(3, "2 h 30 min is three started hours");
        summary["total"]!.GetValue<decimal>().Should().Be(6m);
        (await Renter.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!.Should().BeEmpty();
        (await LiveMarketAsync(Renter)).Should().Contain(d => d!["name"]!.GetValue<string>() == name, "back on the market");
        var announced = await Api.PublishedAsync<RentalEnded>(e => e.RentalId == rentalId);
        announced.Reason.Should().Be(RentalEndReasons.Renter);
        announced.EndedAt.Should().Be(Clock.GetUtcNow().UtcDateTime);
        (await Renter.DeleteAsync($"/api/v1/devices/{deviceId}/rental")).StatusCode.Should().Be(HttpStatusCode.NotFound, "it has ended");
    }

    [Fact]
    public async Task An_unpaid_hour_ends_the_rental_and_the_owner_cant_change_the_listing_meanwhile()
    {
        var (deviceId, _) = await ForRentAsync(rate: 2m);
        Api.Billing.Give(_renterId, 2m);
        var rentalId = (await JsonOf(await RentAsync(Renter, deviceId)))["rental_id"]!.GetValue<string>();

        var unlist = await Owner.PatchAsJsonAsync($"/api/v1/devices/{deviceId}", new JsonObject { ["is_onMarket"] = false });
        var reprice = await Owner.PatchAsJsonAsync($"/api/v1/devices/{deviceId}", new JsonObject { ["hourly_rate"] = 9 });
        var automations = await Owner.PatchAsJsonAsync($"/api/v1/devices/{deviceId}", new JsonObject { ["automations"] = new JsonArray(Guid.NewGuid().ToString()) });
        unlist.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ErrorOf(unlist)).Should().Be(Device.RentedListingFixed);
        reprice.StatusCode.Should().Be(HttpStatusCode.Conflict);
        automations.StatusCode.Should().Be(HttpStatusCode.OK, "what the device runs may change while it is rented");

        await Api.Harness.Bus.Publish(new RentalPaymentFailed(rentalId, deviceId, _renterId, 2));

        var ended = await Api.PublishedAsync<RentalEnded>(e => e.RentalId == rentalId);
        ended.Reason.Should().Be(RentalEndReasons.Unpaid);
        await Eventually.HoldsAsync(async () => (await Renter.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!.Count == 0, "the renter's list no longer has it");
        (await Owner.PatchAsJsonAsync($"/api/v1/devices/{deviceId}", new JsonObject { ["is_onMarket"] = false })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Twenty_renters_racing_for_one_device_one_rents_it_and_only_that_rental_is_billed()
    {
        var (deviceId, _) = await ForRentAsync(rate: 1m);
        var renters = Enumerable.Range(0, 20).Select(_ => Platform.Application.Ids.ObjectIds.New()).ToList();
        foreach (var renter in renters) Api.Billing.Give(renter, 5m);

        var answers = await Task.WhenAll(renters.Select(r => RentAsync(Api.ClientFor(r), deviceId)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).Should().Be(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).Should().OnlyContain(a => a.StatusCode == HttpStatusCode.Conflict);
        Api.Billing.Opened.Should().ContainSingle();
        var winner = (await JsonOf(answers.Single(a => a.StatusCode == HttpStatusCode.Created)))["renter_id"]!.GetValue<string>();
        (await Owner.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!.Single()!["rental"]!["renter_id"]!.GetValue<string>().Should().Be(winner);
    }

    [Fact]
    public async Task A_rental_whose_billing_never_answers_is_ended_by_the_sweep_and_its_start_says_so()
    {
        var (deviceId, name) = await ForRentAsync(rate: 1m);
        Api.Billing.Give(_renterId, 5m);
        Api.Billing.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var starting = RentAsync(Renter, deviceId);
        await Eventually.HoldsAsync(async () => (await Owner.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!.Single()!["is_rented"]!.GetValue<bool>(),
            "the device is claimed while Payments is asked");
        (await Api.EndUnbilledRentalsAsync()).Should().Be(0, "not long enough yet");
        Clock.Advance(TimeSpan.FromMinutes(3));
        (await Api.EndUnbilledRentalsAsync()).Should().Be(1);
        Api.Billing.Hold.SetResult();
        var answer = await starting;

        answer.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ErrorOf(answer)).Should().Be(RentDeviceHandler.EndedWhileStarting);
        (await LiveMarketAsync(Renter)).Should().Contain(d => d!["name"]!.GetValue<string>() == name);
    }
}
