using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Proxy.Api.Tests;

/// <summary>
/// The proxy nodes' snapshot (GET /internal/node-state, node token): every live connection as the change that made it
/// (password hash, device, blacklist, revision), in pages, and every blacklist with the first page.
/// </summary>
public sealed class NodeStateTests(ProxyApi api) : IClassFixture<ProxyApi>
{
    private readonly string _ownerId = Platform.Application.Ids.ObjectIds.New();
    private HttpClient Owner => api.ClientFor(_ownerId);

    private async Task<JsonObject> PageAsync(string query, string? token = ProxyApi.NodeToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/internal/node-state" + query);
        if (token is not null) request.Headers.Add("X-Node-Token", token);
        var response = await api.CreateClient().SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task A_node_reads_every_live_connection_a_page_at_a_time_and_the_blacklists_with_the_first()
    {
        var deviceId = await api.DeviceOfAsync(_ownerId);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var created = await Owner.PostAsJsonAsync("/api/v1/proxy/connections", new { device_id = deviceId });
            ids.Add((await created.Content.ReadFromJsonAsync<JsonObject>())!["connection"]!["connectionId"]!.GetValue<string>());
        }
        (await Owner.DeleteAsync($"/api/v1/proxy/connections/{ids[4]}")).EnsureSuccessStatusCode();
        (await Owner.PostAsJsonAsync($"/api/v1/proxy/connections/{ids[0]}/blacklist", new { domains = new[] { "ads.example" } })).EnsureSuccessStatusCode();
        (await Owner.PostAsJsonAsync($"/api/v1/devices/{deviceId}/proxy-blacklist", new { domains = new[] { "tracker.example" } })).EnsureSuccessStatusCode();

        var seen = new List<JsonObject>();
        var first = await PageAsync("?limit=2");
        first["blacklists"]!.AsArray().Should().Contain(l => l!["deviceId"]!.GetValue<string>() == deviceId
            && l["domains"]!.AsArray().Single()!.GetValue<string>() == "tracker.example");
        seen.AddRange(first["connections"]!.AsArray().Select(c => c!.AsObject()));
        var next = first["next"]?.GetValue<string>();
        while (next is not null)
        {
            var page = await PageAsync($"?limit=2&after={next}");
            page["blacklists"]!.AsArray().Should().BeEmpty("only the first page carries the blacklists");
            page["connections"]!.AsArray().Count.Should().BeLessThanOrEqualTo(2);
            seen.AddRange(page["connections"]!.AsArray().Select(c => c!.AsObject()));
            next = page["next"]?.GetValue<string>();
        }

        var mine = seen.Where(c => ids.Contains(c["connectionId"]!.GetValue<string>())).ToList();
        mine.Select(c => c["connectionId"]!.GetValue<string>()).Should().BeEquivalentTo(ids.Take(4), "a deleted connection is not in the state");
        seen.Select(c => c["connectionId"]!.GetValue<string>()).Should().BeInAscendingOrder(StringComparer.Ordinal).And.OnlyHaveUniqueItems();
        var blocked = mine.Single(c => c["connectionId"]!.GetValue<string>() == ids[0]);
        blocked["blockedDomains"]!.AsArray().Single()!.GetValue<string>().Should().Be("ads.example");
        blocked["revision"]!.GetValue<long>().Should().Be(2, "created, then its blacklist changed");
        blocked["deviceId"]!.GetValue<string>().Should().Be(deviceId);
        blocked["passwordHash"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f]{64}$", "the node gets the hash, never the password");
        blocked.ContainsKey("password").Should().BeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-node-token")]
    public async Task Without_the_node_token_the_state_is_a_401(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/internal/node-state");
        if (token is not null) request.Headers.Add("X-Node-Token", token);
        var response = await api.CreateClient().SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("passwordHash");
    }

    [Fact]
    public async Task A_user_token_is_not_a_node_token()
    {
        var response = await Owner.GetAsync("/internal/node-state");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_malformed_limit_is_a_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/internal/node-state?limit=lots");
        request.Headers.Add("X-Node-Token", ProxyApi.NodeToken);
        (await api.CreateClient().SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
