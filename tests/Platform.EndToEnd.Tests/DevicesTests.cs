using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Duende.IdentityModel.Client;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Devices through the gateway: an owner registers a phone, Identity hears of it and the phone's agent signs in with
/// its own credentials, heartbeats it online and onto the market, and its token opens only the agent routes.
/// </summary>
[Collection(RunningPlatformCollection.Name)]
public sealed class DevicesTests(RunningPlatform running)
{
    [Fact]
    public async Task A_registered_phone_signs_in_as_an_agent_comes_online_and_is_listed_on_the_market()
    {
        var owner = await running.Platform.RegisterAsync("Owner Oda", "BR");
        var registered = await owner.Client.PostAsJsonAsync("/api/v1/devices/register", new JsonObject
        {
            ["brand"] = "Google", ["model"] = "Pixel 5", ["country"] = "BR", ["isEmulator"] = false, ["networkType"] = "cellular",
            ["numberOfCores"] = 8, ["ramMb"] = 8192, ["processor"] = "Snapdragon 765G", ["sdkVersion"] = "33", ["version"] = "13",
        });
        registered.StatusCode.Should().Be(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var device = (await registered.Content.ReadFromJsonAsync<JsonObject>())!;
        var deviceId = device["remote_device_id"]!.GetValue<string>();
        var name = device["name"]!.GetValue<string>();

        // Identity issues the device's credentials when it hears DeviceRegistered: the agent signs in once it has.
        TokenResponse? token = null;
        await Eventually.HoldsAsync(async () => !(token = await running.Platform.Gateway.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/api/v1/auth/token", ClientId = deviceId, ClientSecret = device["device_secret"]!.GetValue<string>(),
        })).IsError, "the device's agent signed in");
        using var agent = new HttpClient { BaseAddress = running.Platform.Gateway.BaseAddress };
        agent.SetBearerToken(token!.AccessToken!);

        (await agent.PostAsync("/api/v1/agent/heartbeat", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        // On the market for one automation no job runs: the suite's other jobs never go to this phone (whose agent stops with the test).
        (await owner.Client.PatchAsJsonAsync($"/api/v1/devices/{deviceId}", new JsonObject
        {
            ["is_onMarket"] = true, ["payment_type"] = "action", ["automations"] = new JsonArray(Guid.NewGuid().ToString()),
        })).StatusCode.Should().Be(HttpStatusCode.OK);

        var mine = (await owner.Client.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!.Single()!;
        mine["online"]!.GetValue<bool>().Should().BeTrue();
        mine["name"]!.GetValue<string>().Should().Be(name);
        var market = (await owner.Client.GetFromJsonAsync<JsonArray>("/api/v1/devices/market?country=BR"))!;
        market.Should().Contain(d => d!["name"]!.GetValue<string>() == name && d["isAvailable"]!.GetValue<bool>());
        var phone = (await agent.GetFromJsonAsync<JsonObject>("/api/v1/agent/phone-number"))!;
        phone["phoneNumber"].Should().BeNull();

        // The agent's token opens the agent routes only; the owner's token isn't bound to a device.
        (await agent.GetAsync("/api/v1/jobs/mine")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await agent.GetAsync("/api/v1/users/me/balance")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await owner.Client.PostAsync("/api/v1/agent/heartbeat", null)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
