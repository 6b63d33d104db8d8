using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Application.Ids;
using Platform.Contracts.Devices;
using Platform.Testing;

namespace Devices.Api.Tests;

/// <summary>Routes 50, 21 and 22: agents' heartbeats keep devices online, the sweep takes silent ones offline, the market lists them.</summary>
public sealed class AgentPresenceTests : DevicesApiTest
{
    private async Task<bool> OnlineAsync(string deviceId) =>
        (await Owner.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!.Single(d => d!["remote_device_id"]!.GetValue<string>() == deviceId)!["online"]!.GetValue<bool>();

    private async Task HeartbeatAsync(string deviceId)
    {
        var response = await Api.AgentClientFor(OwnerId, deviceId).PostAsync("/api/v1/agent/heartbeat", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A device of <paramref name="owner"/>, online and listed with <paramref name="settings"/>.</summary>
    private async Task<(string Id, string Name)> ListedAsync(string ownerId, string country, JsonObject settings, bool online = true)
    {
        var owner = Api.ClientFor(ownerId);
        var (id, name, _) = await DevicesApi.RegisterAsync(owner, country);
        (await owner.PatchAsJsonAsync($"/api/v1/devices/{id}", settings)).StatusCode.Should().Be(HttpStatusCode.OK);
        if (online)
            (await Api.AgentClientFor(ownerId, id).PostAsync("/api/v1/agent/heartbeat", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        return (id, name);
    }

    [Fact]
    public async Task A_heartbeat_brings_the_device_online_and_says_how_long_it_stays_so()
    {
        var (id, _, _) = await DevicesApi.RegisterAsync(Owner);

        var response = await Api.AgentClientFor(OwnerId, id).PostAsync("/api/v1/agent/heartbeat", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await JsonOf(response);
        body["online"]!.GetValue<bool>().Should().BeTrue();
        body["offline_after_seconds"]!.GetValue<int>().Should().Be(60);
        (await OnlineAsync(id)).Should().BeTrue();
        var online = await Api.PublishedAsync<DeviceOnline>(e => e.Device.RemoteDeviceId == id);
        online.Device.Online.Should().BeTrue();
    }

    [Fact]
    public async Task A_device_that_misses_heartbeats_for_the_window_goes_offline_by_the_sweep_and_comes_back_with_the_next()
    {
        var (id, _, _) = await DevicesApi.RegisterAsync(Owner);
        await HeartbeatAsync(id);

        Clock.Advance(TimeSpan.FromSeconds(59));
        (await Api.SweepAsync()).Should().Be(0);
        await HeartbeatAsync(id);
        Clock.Advance(TimeSpan.FromSeconds(59));
        (await Api.SweepAsync()).Should().Be(0, "the second heartbeat restarted the window");
        (await OnlineAsync(id)).Should().BeTrue();

        Clock.Advance(TimeSpan.FromSeconds(1));
        (await Api.SweepAsync()).Should().Be(1);
        (await OnlineAsync(id)).Should().BeFalse();
        (await Api.PublishedAsync<DeviceOffline>(e => e.Device.RemoteDeviceId == id)).Device.Online.Should().BeFalse();

        await HeartbeatAsync(id);
        (await OnlineAsync(id)).Should().BeTrue();
        await Eventually.HoldsAsync(() => Api.Published<DeviceOnline>(e => e.Device.RemoteDeviceId == id).Count == 2, "the device came online twice");
    }

    [Fact]
    public async Task Heartbeats_raced_with_settings_changes_lose_neither()
    {
        var (id, _, _) = await DevicesApi.RegisterAsync(Owner);
        var agent = Api.AgentClientFor(OwnerId, id);

        var heartbeats = Enumerable.Range(0, 40).Select(_ => agent.PostAsync("/api/v1/agent/heartbeat", null));
        var settings = Enumerable.Range(0, 40).Select(i => Owner.PatchAsJsonAsync($"/api/v1/devices/{id}", new JsonObject { ["hourly_rate"] = i + 1 }));
        var responses = await Task.WhenAll(heartbeats.Concat(settings));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        var device = (await Owner.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!.Single()!;
        device["online"]!.GetValue<bool>().Should().BeTrue();
        device["hourly_rate"]!.GetValue<decimal>().Should().BeInRange(1, 40);
        var revisions = Api.Published<DeviceSettingsChanged>(e => e.Device.RemoteDeviceId == id).Select(e => e.Device.Revision).ToList();
        revisions.Should().OnlyHaveUniqueItems("each change is its own write");
    }

    [Fact]
    public async Task Agent_routes_refuse_a_user_token_with_400_and_an_unknown_or_foreign_device_with_404()
    {
        var (foreign, _, _) = await DevicesApi.RegisterAsync(Api.ClientFor(ObjectIds.New()));

        foreach (var (method, path) in new[] { (HttpMethod.Post, "/api/v1/agent/heartbeat"), (HttpMethod.Get, "/api/v1/agent/phone-number") })
        {
            var asUser = await Owner.SendAsync(new HttpRequestMessage(method, path));
            asUser.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await JsonOf(asUser))["error"]!.GetValue<string>().Should().Be("Token is not bound to a device");

            var unknown = await Api.AgentClientFor(OwnerId, Guid.NewGuid().ToString()).SendAsync(new HttpRequestMessage(method, path));
            unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await JsonOf(unknown))["error"]!.GetValue<string>().Should().Be("Device not found");

            // A token naming another owner's device (never issued by Identity, but checked all the same).
            (await Api.AgentClientFor(OwnerId, foreign).SendAsync(new HttpRequestMessage(method, path))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task The_phone_number_is_null_until_verified()
    {
        var response = await Owner.PostAsJsonAsync("/api/v1/devices/register", DevicesApi.Phone(phoneNumber: "+14155550123"));
        var id = (await JsonOf(response))["remote_device_id"]!.GetValue<string>();

        var phone = await Api.AgentClientFor(OwnerId, id).GetAsync("/api/v1/agent/phone-number");

        phone.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await JsonOf(phone);
        body.ContainsKey("phoneNumber").Should().BeTrue();
        body["phoneNumber"].Should().BeNull();
    }

    [Fact]
    public async Task The_market_lists_online_action_devices_on_the_market_by_country()
    {
        var action = new JsonObject { ["is_onMarket"] = true, ["payment_type"] = "action" };
        var us = await ListedAsync(ObjectIds.New(), "US", action);
        var br = await ListedAsync(ObjectIds.New(), "BR", action.DeepClone().AsObject());
        var de = await ListedAsync(ObjectIds.New(), "DE", action.DeepClone().AsObject());
        await ListedAsync(ObjectIds.New(), "FR", action.DeepClone().AsObject(), online: false);
        await ListedAsync(ObjectIds.New(), "GB", new JsonObject { ["is_onMarket"] = true, ["payment_type"] = "live", ["hourly_rate"] = 2 });
        await ListedAsync(ObjectIds.New(), "IT", new JsonObject { ["is_onMarket"] = false });

        var ascending = (await Owner.GetFromJsonAsync<JsonArray>("/api/v1/devices/market"))!;
        var descending = (await Owner.GetFromJsonAsync<JsonArray>("/api/v1/devices/market?sortDirection=desc"))!;
        var onlyBrazil = (await Owner.GetFromJsonAsync<JsonArray>("/api/v1/devices/market?country=br"))!;

        ascending.Select(d => d!["name"]!.GetValue<string>()).Should().Equal(br.Name, de.Name, us.Name);
        ascending.Select(d => d!["country"]!.GetValue<string>()).Should().Equal("BR", "DE", "US");
        ascending.Should().OnlyContain(d => d!["isAvailable"]!.GetValue<bool>());
        ascending[0]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("name", "country", "isAvailable");
        descending.Select(d => d!["country"]!.GetValue<string>()).Should().Equal("US", "DE", "BR");
        onlyBrazil.Select(d => d!["name"]!.GetValue<string>()).Should().Equal(br.Name);

        // Silent devices leave the market with the sweep.
        Clock.Advance(TimeSpan.FromSeconds(61));
        await Api.SweepAsync();
        (await Owner.GetFromJsonAsync<JsonArray>("/api/v1/devices/market"))!.Should().BeEmpty();
    }

    [Fact]
    public async Task A_device_running_a_job_task_is_unavailable_on_the_market_until_its_task_ends_in_any_order_heard()
    {
        var (id, name) = await ListedAsync(ObjectIds.New(), "US", new JsonObject { ["is_onMarket"] = true, ["payment_type"] = "action" });
        async Task<bool> AvailableAsync() =>
            (await Owner.GetFromJsonAsync<JsonArray>("/api/v1/devices/market"))!.Single(d => d!["name"]!.GetValue<string>() == name)!["isAvailable"]!.GetValue<bool>();

        await Api.Harness.Bus.Publish(new Platform.Contracts.Tasks.DeviceAssigned("task-1", "job", "employer", "planned", id, "owner"));
        await Eventually.HoldsAsync(async () => !await AvailableAsync(), "the device shows busy");
        await Api.Harness.Bus.Publish(new Platform.Contracts.Tasks.DeviceReleased("task-1", "job", id, "pending"));
        await Eventually.HoldsAsync(AvailableAsync, "the device is available again");

        // A release heard before its assignment: the late assignment doesn't make the device busy.
        await Api.Harness.Bus.Publish(new Platform.Contracts.Tasks.DeviceReleased("task-2", "job", id, "failed"));
        await Api.Harness.Bus.Publish(new Platform.Contracts.Tasks.DeviceAssigned("task-2", "job", "employer", "planned", id, "owner"));
        // The two are consumed side by side: only once both are done is the device's state final.
        await Eventually.HoldsAsync(() => Api.Harness.Consumed.Select<Platform.Contracts.Tasks.DeviceAssigned>(m => m.Context.Message.TaskId == "task-2").Any()
                && Api.Harness.Consumed.Select<Platform.Contracts.Tasks.DeviceReleased>(m => m.Context.Message.TaskId == "task-2").Any(),
            "the release and the late assignment were both heard");
        (await AvailableAsync()).Should().BeTrue();
    }

    [Theory]
    [InlineData("country=USA", "country must be an ISO 3166 alpha-2 code")]
    [InlineData("sortDirection=up", "sortDirection must be one of: asc, desc")]
    public async Task A_bad_market_query_is_a_400(string query, string message)
    {
        var response = await Owner.GetAsync($"/api/v1/devices/market?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonOf(response))["error"]!.GetValue<string>().Should().Be(message);
    }
}
