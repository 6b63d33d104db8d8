using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Duende.IdentityModel.Client;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Devices through the gateway: an owner registers a phone, Identity hears of it and the phone's agent signs in with
/// its own credentials, heartbeats it online and onto the market, and its token opens only the agent routes; another
/// user rents a live phone by the hour, paying through the ledger.
/// </summary>
[Collection(RunningPlatformCollection.Name)]
public sealed class DevicesTests(RunningPlatform running)
{
    /// <summary>
    /// The owner registers a phone; its agent signs in with the phone's own credentials (once Identity has heard of it)
    /// and heartbeats it online. The agent's client is the caller's to dispose.
    /// </summary>
    private async Task<(string Id, string Name, HttpClient Agent)> OnlinePhoneAsync(User owner, string country)
    {
        var registered = await owner.Client.PostAsJsonAsync("/api/v1/devices/register", new JsonObject
        {
            ["brand"] = "Google", ["model"] = "Pixel 5", ["country"] = country, ["isEmulator"] = false, ["networkType"] = "cellular",
            ["numberOfCores"] = 8, ["ramMb"] = 8192, ["processor"] = "Snapdragon 765G", ["sdkVersion"] = "33", ["version"] = "13",
        });
        registered.StatusCode.Should().Be(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var device = (await registered.Content.ReadFromJsonAsync<JsonObject>())!;
        var deviceId = device["remote_device_id"]!.GetValue<string>();

        TokenResponse? token = null;
        await Eventually.HoldsAsync(async () => !(token = await running.Platform.Gateway.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/api/v1/auth/token", ClientId = deviceId, ClientSecret = device["device_secret"]!.GetValue<string>(),
        })).IsError, "the device's agent signed in");
        var agent = new HttpClient { BaseAddress = running.Platform.Gateway.BaseAddress };
        agent.SetBearerToken(token!.AccessToken!);
        (await agent.PostAsync("/api/v1/agent/heartbeat", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        return (deviceId, device["name"]!.GetValue<string>(), agent);
    }

    [Fact]
    public async Task A_registered_phone_signs_in_as_an_agent_comes_online_and_is_listed_on_the_market()
    {
        var owner = await running.Platform.RegisterAsync("Owner Oda", "BR");
        var (deviceId, name, agent) = await OnlinePhoneAsync(owner, "BR");
        using var _ = agent;

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

    [Fact]
    public async Task An_owner_rotates_and_revokes_a_phones_secret_and_a_client_rotates_its_own_through_the_gateway()
    {
        var owner = await running.Platform.RegisterAsync("Owner Ola", "DE");
        var (deviceId, _, agent) = await OnlinePhoneAsync(owner, "DE");
        using var _ = agent;
        Task<TokenResponse> SignInAsync(string clientId, string secret) => running.Platform.Gateway.RequestClientCredentialsTokenAsync(
            new ClientCredentialsTokenRequest { Address = "/api/v1/auth/token", ClientId = clientId, ClientSecret = secret, ClientCredentialStyle = ClientCredentialStyle.PostBody });

        var rotated = await owner.Client.PostAsync($"/api/v1/devices/{deviceId}/secret", null);
        rotated.StatusCode.Should().Be(HttpStatusCode.OK, "route 68 reaches Identity, not Devices' catch-all");
        var secret = (await rotated.Content.ReadFromJsonAsync<JsonObject>())!["device_secret"]!.GetValue<string>();
        (await SignInAsync(deviceId, secret)).IsError.Should().BeFalse();
        (await owner.Client.DeleteAsync($"/api/v1/devices/{deviceId}/secret")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await SignInAsync(deviceId, secret)).Error.Should().Be("invalid_client", "the revoked phone can't sign in");

        var newClient = await owner.Client.PostAsync("/api/v1/auth/secret", null);
        newClient.StatusCode.Should().Be(HttpStatusCode.OK);
        (await SignInAsync(owner.ClientId, owner.ClientSecret)).Error.Should().Be("invalid_client", "the old client secret stopped at once");
        (await SignInAsync(owner.ClientId, (await newClient.Content.ReadFromJsonAsync<JsonObject>())!["client_secret"]!.GetValue<string>())).IsError.Should().BeFalse();
        var jwks = await running.Platform.Gateway.GetFromJsonAsync<JsonObject>("/api/v1/auth/.well-known/jwks.json");
        jwks!["keys"]!.AsArray().Should().NotBeEmpty("route 69 needs no token");
    }

    [Fact]
    public async Task A_renter_rents_a_live_phone_pays_its_first_hour_through_the_ledger_and_ends_the_rental()
    {
        var owner = await running.Platform.RegisterAsync("Owner Ola", "PT");
        var renter = await running.Platform.RegisterAsync("Renter Rui", "PT");
        var broke = await running.Platform.RegisterAsync("Renter Broke", "PT");
        await renter.DepositAsync(10m);
        var (deviceId, name, agent) = await OnlinePhoneAsync(owner, "PT");
        using var _ = agent;
        (await owner.Client.PatchAsJsonAsync($"/api/v1/devices/{deviceId}", new JsonObject
        {
            ["is_onMarket"] = true, ["payment_type"] = "live", ["hourly_rate"] = 1.5, ["automations"] = new JsonArray(Guid.NewGuid().ToString()),
        })).StatusCode.Should().Be(HttpStatusCode.OK);
        var forRent = (await renter.Client.GetFromJsonAsync<JsonArray>("/api/v1/devices/market?payment_type=live&country=PT"))!;
        forRent.Should().Contain(d => d!["remote_device_id"]!.GetValue<string>() == deviceId && d["hourly_rate"]!.GetValue<decimal>() == 1.5m);

        var refused = await broke.Client.PostAsync($"/api/v1/devices/{deviceId}/rental", null);
        var rented = await renter.Client.PostAsync($"/api/v1/devices/{deviceId}/rental", null);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
        rented.StatusCode.Should().Be(HttpStatusCode.Created, await rented.Content.ReadAsStringAsync());
        (await renter.BalanceAsync()).Should().Be((8.5m, 8.5m, 0m), "the first hour is paid as the rental starts");
        await Eventually.HoldsAsync(async () => (await owner.BalanceAsync()).Active == 1.35m, "the owner earns the hour less the 10% fee");
        (await renter.Client.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!.Should().ContainSingle(d => d!["name"]!.GetValue<string>() == name);
        (await renter.Client.GetFromJsonAsync<JsonArray>("/api/v1/devices/market?payment_type=live&country=PT"))!
            .Should().NotContain(d => d!["remote_device_id"]!.GetValue<string>() == deviceId, "a rented phone is off the market");

        var ended = await renter.Client.DeleteAsync($"/api/v1/devices/{deviceId}/rental");

        ended.StatusCode.Should().Be(HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());
        (await ended.Content.ReadFromJsonAsync<JsonObject>())!["hours_billed"]!.GetValue<int>().Should().Be(1);
        (await renter.Client.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!.Should().BeEmpty();
        (await broke.BalanceAsync()).Should().Be((0m, 0m, 0m), "a refused rental takes nothing");
    }

    [Fact]
    public async Task An_owner_verifies_the_phones_number_with_the_code_texted_to_it_and_the_agent_reads_it()
    {
        var owner = await running.Platform.RegisterAsync("Owner Vera", "US");
        var (deviceId, _, agent) = await OnlinePhoneAsync(owner, "US");
        using var _ = agent;
        var number = $"+1415{Random.Shared.Next(1_000_000, 9_999_999)}";

        var sent = await owner.Client.PostAsJsonAsync($"/api/v1/devices/{deviceId}/phone-number/verification", new JsonObject { ["phoneNumber"] = number });

        sent.StatusCode.Should().Be(HttpStatusCode.Accepted, await sent.Content.ReadAsStringAsync());
        var gateway = $"{number[1..]}@sms.platform.local";
        IReadOnlyList<string> texts = [];
        await Eventually.HoldsAsync(async () => (texts = await running.Platform.MailTextsAsync(gateway)).Count > 0, "the code reached the phone (the development SMS gateway's inbox)");
        var code = System.Text.RegularExpressions.Regex.Match(texts[^1], "[0-9]{6}").Value;
        (await agent.GetFromJsonAsync<JsonObject>("/api/v1/agent/phone-number"))!["phoneNumber"].Should().BeNull();
        var verified = await owner.Client.PostAsJsonAsync($"/api/v1/devices/{deviceId}/phone-number/verify", new JsonObject { ["code"] = code });
        verified.StatusCode.Should().Be(HttpStatusCode.OK, await verified.Content.ReadAsStringAsync());
        (await agent.GetFromJsonAsync<JsonObject>("/api/v1/agent/phone-number"))!["phoneNumber"]!.GetValue<string>().Should().Be(number);
    }
}
