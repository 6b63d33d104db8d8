using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The proxy control plane through the gateway: an owner's connection on their phone (Proxy hears of the phone from
/// Devices), its rotation and blacklist, the phone's blacklist (a route beside Devices' own) and the global one (admin token).
/// </summary>
[Collection(RunningPlatformCollection.Name)]
public sealed class ProxyTests(RunningPlatform running)
{
    [Fact]
    public async Task An_owner_makes_a_proxy_connection_on_their_phone_rotates_it_and_blocks_domains_at_every_level()
    {
        var platform = running.Platform;
        var owner = await platform.RegisterAsync("Proxy Pia", "DE");
        var registered = await owner.Client.PostAsJsonAsync("/api/v1/devices/register", new JsonObject
        {
            ["brand"] = "Google", ["model"] = "Pixel 7", ["country"] = "DE", ["isEmulator"] = false, ["networkType"] = "cellular",
            ["numberOfCores"] = 8, ["ramMb"] = 8192, ["processor"] = "Tensor G2", ["sdkVersion"] = "34", ["version"] = "14",
        });
        var deviceId = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["remote_device_id"]!.GetValue<string>();

        // Proxy learns of the phone from Devices' event: a connection asked for a moment too early is a 404.
        HttpResponseMessage? created = null;
        await Eventually.HoldsAsync(async () =>
            (created = await owner.Client.PostAsJsonAsync("/api/v1/proxy/connections", new { device_id = deviceId, name = "client-A" })).StatusCode != HttpStatusCode.NotFound,
            "Proxy knows the phone");
        created!.StatusCode.Should().Be(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var connection = (await created.Content.ReadFromJsonAsync<JsonObject>())!["connection"]!;
        var id = connection["connectionId"]!.GetValue<string>();

        var listed = (await owner.Client.GetFromJsonAsync<JsonObject>("/api/v1/proxy/connections"))!["connections"]!.AsArray();
        listed.Should().ContainSingle().Which!["password"]!.GetValue<string>().Should().Be(connection["password"]!.GetValue<string>());
        var rotated = (await (await owner.Client.PostAsync($"/api/v1/proxy/connections/{id}/rotate-password", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        rotated["password"]!.GetValue<string>().Should().HaveLength(16).And.NotBe(connection["password"]!.GetValue<string>());

        var own = await owner.Client.PostAsJsonAsync($"/api/v1/proxy/connections/{id}/blacklist", new { domains = new[] { "Tracker.IO." } });
        (await own.Content.ReadFromJsonAsync<JsonObject>())!["domains"]!.AsArray().Select(d => d!.GetValue<string>()).Should().Equal("tracker.io");
        var phones = await owner.Client.PostAsJsonAsync($"/api/v1/devices/{deviceId}/proxy-blacklist", new { domains = new[] { "ads.example" } });
        phones.StatusCode.Should().Be(HttpStatusCode.OK, "the gateway sends the phone's blacklist to Proxy, not Devices");

        using var admin = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/proxy/blacklist") { Content = JsonContent.Create(new { domains = new[] { "malware.example" } }) };
        admin.Headers.Add("X-Admin-Token", platform.AdminToken);
        (await platform.Gateway.SendAsync(admin)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await platform.Gateway.GetAsync("/api/v1/admin/proxy/blacklist")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "no admin token");

        (await owner.Client.DeleteAsync($"/api/v1/proxy/connections/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await owner.Client.GetFromJsonAsync<JsonObject>("/api/v1/proxy/connections"))!["connections"]!.AsArray().Should().BeEmpty();
    }
}
