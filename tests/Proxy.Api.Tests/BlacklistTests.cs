using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Proxy;
using Platform.Testing;

namespace Proxy.Api.Tests;

/// <summary>Routes 29–31, 57 and 58: a connection's own blacklist, a device's, and the global one (admin token).</summary>
public sealed class BlacklistTests(ProxyApi api) : IClassFixture<ProxyApi>
{
    private readonly string _ownerId = Platform.Application.Ids.ObjectIds.New();
    private HttpClient Owner => api.ClientFor(_ownerId);

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body = null, string? adminToken = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (adminToken is not null) request.Headers.Add("X-Admin-Token", adminToken);
        return request;
    }

    private static async Task<string[]> DomainsOf(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["domains"]!.AsArray().Select(d => d!.GetValue<string>()).ToArray();
    }

    private async Task<string> ConnectionAsync()
    {
        var deviceId = await api.DeviceOfAsync(_ownerId);
        var created = await Owner.PostAsJsonAsync("/api/v1/proxy/connections", new { device_id = deviceId });
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["connection"]!["connectionId"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_connections_blacklist_takes_normalised_domains_and_gives_them_back()
    {
        var id = await ConnectionAsync();
        var path = $"/api/v1/proxy/connections/{id}/blacklist";

        (await DomainsOf(await Owner.GetAsync(path))).Should().BeEmpty();
        (await DomainsOf(await Owner.PostAsJsonAsync(path, new { domains = new[] { "Example.COM.", "bücher.de", "localhost" } })))
            .Should().Equal("example.com", "localhost", "xn--bcher-kva.de");
        (await DomainsOf(await Owner.SendAsync(Request(HttpMethod.Delete, path, new { domains = new[] { "EXAMPLE.com" } })))).Should().Equal("localhost", "xn--bcher-kva.de");
        (await Owner.SendAsync(Request(HttpMethod.Delete, path, new { domains = "localhost" }))).StatusCode.Should().Be(HttpStatusCode.BadRequest, "route 31 reads its body as 30 does");
        (await api.PublishedAsync<ConnectionChanged>(e => e.ConnectionId == id && e.Change == "blacklist-changed" && e.BlockedDomains.Count == 2))
            .BlockedDomains.Should().Equal("localhost", "xn--bcher-kva.de");
    }

    [Fact]
    public async Task An_address_is_kept_in_one_canonical_spelling_however_it_is_written()
    {
        var id = await ConnectionAsync();
        var path = $"/api/v1/proxy/connections/{id}/blacklist";

        (await DomainsOf(await Owner.PostAsJsonAsync(path, new { domains = new[] { "2852039166", "0xa9fea9fe", "169.254.43518", "[::ffff:169.254.169.254]", "[::1]" } })))
            .Should().Equal("169.254.169.254", "::1");
        (await DomainsOf(await Owner.SendAsync(Request(HttpMethod.Delete, path, new { domains = new[] { "0251.0376.0251.0376" } })))).Should().Equal("::1");
    }

    [Theory]
    [InlineData("""{"domains":[]}""", "domains must be a non-empty array of domain names")]
    [InlineData("""{}""", "domains is required")]
    [InlineData("""{"domains":"example.com"}""", "domains must be an array of strings")]
    [InlineData("""{"domains":["ok.com","not a domain"]}""", "domains: 'not a domain' is not a domain name or an IP address")]
    [InlineData("""{"domains":["http://x.com"]}""", "domains: 'http://x.com' is not a domain name or an IP address")]
    public async Task A_bad_domain_list_is_a_400_and_changes_nothing(string body, string error)
    {
        var id = await ConnectionAsync();

        var response = await Owner.PostAsync($"/api/v1/proxy/connections/{id}/blacklist", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be(error);
        (await DomainsOf(await Owner.GetAsync($"/api/v1/proxy/connections/{id}/blacklist"))).Should().BeEmpty();
    }

    [Fact]
    public async Task Twenty_domains_blocked_at_once_on_one_connection_all_stay()
    {
        var id = await ConnectionAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Owner.PostAsJsonAsync($"/api/v1/proxy/connections/{id}/blacklist", new { domains = new[] { $"site{i}.com" } })));

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK);
        (await DomainsOf(await Owner.GetAsync($"/api/v1/proxy/connections/{id}/blacklist"))).Should().HaveCount(20);
    }

    [Fact]
    public async Task Twenty_domains_blocked_at_once_on_a_new_device_list_all_stay()
    {
        var deviceId = await api.DeviceOfAsync(_ownerId);
        var path = $"/api/v1/devices/{deviceId}/proxy-blacklist";

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Owner.PostAsJsonAsync(path, new { domains = new[] { $"site{i}.net" } })));

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK);
        (await DomainsOf(await Owner.GetAsync(path))).Should().HaveCount(20, "the first write creates the list; the others, racing it, read it again");
    }

    [Fact]
    public async Task A_devices_blacklist_is_its_owners_and_anyone_elses_404()
    {
        var deviceId = await api.DeviceOfAsync(_ownerId);
        var path = $"/api/v1/devices/{deviceId}/proxy-blacklist";
        var stranger = api.ClientFor(Platform.Application.Ids.ObjectIds.New());

        (await DomainsOf(await Owner.PostAsJsonAsync(path, new { domains = new[] { "tracker.io" } })))
            .Should().Equal("tracker.io");
        (await DomainsOf(await Owner.GetAsync(path))).Should().Equal("tracker.io");
        (await stranger.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync(path, new { domains = new[] { "x.com" } })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Owner.GetAsync($"/api/v1/devices/{Guid.NewGuid()}/proxy-blacklist")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.PublishedAsync<ProxyBlacklistChanged>(e => e.DeviceId == deviceId)).Domains.Should().Equal("tracker.io");
        (await Owner.PostAsJsonAsync(path, new { domains = new[] { "not a domain" } })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Owner.SendAsync(Request(HttpMethod.Delete, path, new { domains = Array.Empty<string>() }))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await DomainsOf(await Owner.SendAsync(Request(HttpMethod.Delete, path, new { domains = new[] { "tracker.io" } })))).Should().BeEmpty();
    }

    [Fact]
    public async Task The_global_blacklist_takes_the_admin_token_only()
    {
        const string path = "/api/v1/admin/proxy/blacklist";
        var anonymous = api.CreateClient();

        var none = await anonymous.GetAsync(path);
        var wrong = await anonymous.SendAsync(Request(HttpMethod.Get, path, adminToken: "wrong"));
        var bearerOnly = await Owner.GetAsync(path);
        var added = await anonymous.SendAsync(Request(HttpMethod.Post, path, new { domains = new[] { "malware.example" } }, ProxyApi.AdminToken));

        none.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        bearerOnly.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a user's token is no admin token");
        (await DomainsOf(added)).Should().Contain("malware.example");
        (await DomainsOf(await anonymous.SendAsync(Request(HttpMethod.Get, path, adminToken: ProxyApi.AdminToken)))).Should().Contain("malware.example");
        (await api.PublishedAsync<ProxyBlacklistChanged>(e => e.DeviceId == null)).Domains.Should().Contain("malware.example");
        (await anonymous.SendAsync(Request(HttpMethod.Post, path, new { domains = Array.Empty<string>() }, ProxyApi.AdminToken))).StatusCode
            .Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Without_a_configured_admin_token_the_admin_routes_are_off()
    {
        using var unconfigured = new ProxyApi { ConfiguredAdminToken = null };

        var response = await unconfigured.CreateClient().SendAsync(Request(HttpMethod.Get, "/api/v1/admin/proxy/blacklist", adminToken: "anything"));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }
}
