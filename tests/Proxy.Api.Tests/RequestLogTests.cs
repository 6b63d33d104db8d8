using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.ClickHouse;

namespace Proxy.Api.Tests;

/// <summary>
/// Routes 32–34 over a real ClickHouse (Debian's 18.16 server, started by the tests): rows as the proxy nodes write
/// them, read back for their devices' owner only, filtered, paged, summed and listed for the admins.
/// </summary>
public sealed class RequestLogTests(ProxyApi api) : IClassFixture<ProxyApi>
{
    private static readonly DateTime Start = new(2026, 4, 25, 13, 0, 0, DateTimeKind.Utc);
    private readonly string _ownerId = Platform.Application.Ids.ObjectIds.New();
    private readonly string _strangerId = Platform.Application.Ids.ObjectIds.New();
    private readonly string _connection = Guid.NewGuid().ToString();
    private readonly string _other = Guid.NewGuid().ToString();
    private HttpClient Owner => api.ClientFor(_ownerId);

    /// <summary>
    /// The owner's two devices and a stranger's; 10 attempts on the first (0, 3 and 6 blocked; 8 two hours later, 9 a
    /// day later), 2 on the second, 3 on the stranger's. Returns (first, second, stranger's).
    /// </summary>
    private async Task<(string First, string Second, string Strangers)> LogAsync()
    {
        var first = await api.DeviceOfAsync(_ownerId);
        var second = await api.DeviceOfAsync(_ownerId);
        var strangers = await api.DeviceOfAsync(_strangerId);
        var rows = new List<object[]>();
        for (var i = 0; i < 10; i++)
        {
            var at = i == 8 ? Start.AddHours(2) : i == 9 ? Start.AddDays(1) : Start.AddMinutes(i);
            var blocked = i % 3 == 0 && i < 9;
            rows.Add(RequestLogTable.Row(at, _connection, first, "node-a", blocked ? $"ads{i}.example:443" : $"site{i}.example.com:443", "domain", 443,
                blocked ? "" : "93.184.215.14", blocked ? "blocked" : "allowed", blocked ? "device blacklist: example" : "", blocked ? 0 : 1000 + i, blocked ? 0 : 100));
        }
        rows.Add(RequestLogTable.Row(Start.AddMinutes(30), _other, second, "node-a", "10.0.0.7:80", "ipv4", 80, "10.0.0.7", "allowed", "", 5000, 50));
        rows.Add(RequestLogTable.Row(Start.AddMinutes(31), _other, second, "node-b", "[2001:db8::1]:443", "ipv6", 443, "2001:db8::1", "allowed", "", 7000, 70));
        for (var i = 0; i < 3; i++)
            rows.Add(RequestLogTable.Row(Start.AddMinutes(i), Guid.NewGuid().ToString(), strangers, "node-a", "secret.example:443", "domain", 443, "", "allowed", "", 1, 1));
        var store = api.Services.GetRequiredService<ClickHouseStore>();
        await RequestLogTable.EnsureAsync(store, CancellationToken.None);
        await store.InsertAsync(RequestLogTable.Name, RequestLogTable.Columns, RequestLogTable.Types, rows, CancellationToken.None);
        return (first, second, strangers);
    }

    private async Task<JsonObject> OkAsync(string path)
    {
        var response = await Owner.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private const string Day = "from=2026-04-25T00:00:00Z&to=2026-04-25T23:59:59Z";

    [Fact]
    public async Task The_log_shows_the_owners_devices_only_newest_first_in_the_references_shape()
    {
        var (first, second, _) = await LogAsync();

        var log = await OkAsync($"/api/v1/proxy/logs?{Day}");

        log["success"]!.GetValue<bool>().Should().BeTrue();
        log["total"]!.GetValue<long>().Should().Be(11, "nine of the first device's attempts and the second's two fall in the day; the stranger's are not shown");
        var entries = log["entries"]!.AsArray();
        entries.Select(e => e!["deviceId"]!.GetValue<string>()).Should().OnlyContain(d => d == first || d == second);
        entries.Select(e => e!["timestamp"]!.GetValue<string>()).Should().BeInDescendingOrder(StringComparer.Ordinal);
        entries[0]!["timestamp"]!.GetValue<string>().Should().Be("2026-04-25T15:00:00Z");
        var blocked = entries.Single(e => e!["target"]!.GetValue<string>() == "ads0.example:443")!;
        blocked["action"]!.GetValue<string>().Should().Be("blocked");
        blocked["blockReason"]!.GetValue<string>().Should().Be("device blacklist: example");
        blocked["resolvedIp"]!.GetValue<string>().Should().BeEmpty("a blocked name is never looked up");
        var allowed = entries.Single(e => e!["target"]!.GetValue<string>() == "site1.example.com:443")!.AsObject();
        allowed.Select(p => p.Key).Should().Equal("timestamp", "connectionId", "deviceId", "serverNode", "target", "targetType", "port", "resolvedIp", "action",
            "blockReason", "bytesIn", "bytesOut");
        allowed["blockReason"].Should().BeNull();
        allowed["bytesIn"]!.GetValue<long>().Should().Be(1001);
        allowed["port"]!.GetValue<int>().Should().Be(443);
        allowed["serverNode"]!.GetValue<string>().Should().Be("node-a");
        entries.Single(e => e!["targetType"]!.GetValue<string>() == "ipv6")!["target"]!.GetValue<string>().Should().Be("[2001:db8::1]:443");
    }

    [Fact]
    public async Task Every_filter_narrows_the_log_and_limit_and_offset_page_it()
    {
        var (first, second, _) = await LogAsync();

        (await OkAsync($"/api/v1/proxy/logs?{Day}&deviceId={second}"))["total"]!.GetValue<long>().Should().Be(2);
        (await OkAsync($"/api/v1/proxy/logs?{Day}&connectionId={_connection}"))["total"]!.GetValue<long>().Should().Be(9);
        (await OkAsync($"/api/v1/proxy/logs?{Day}&action=blocked"))["total"]!.GetValue<long>().Should().Be(3, "attempts 0, 3 and 6");
        (await OkAsync($"/api/v1/proxy/logs?{Day}&action=allowed&deviceId={first}"))["total"]!.GetValue<long>().Should().Be(6);
        (await OkAsync($"/api/v1/proxy/logs?{Day}&target=example.com"))["total"]!.GetValue<long>().Should().Be(6, "a substring of host:port");
        (await OkAsync($"/api/v1/proxy/logs?{Day}&target=%5B2001"))["total"]!.GetValue<long>().Should().Be(1);
        (await OkAsync($"/api/v1/proxy/logs?from=2026-04-25T13:01:00Z&to=2026-04-25T13:02:00Z"))["total"]!.GetValue<long>().Should().Be(2, "both bounds are inclusive");
        (await OkAsync($"/api/v1/proxy/logs?from=2026-04-25T15:00:00%2B02:00&to=2026-04-25T13:00:00Z"))["total"]!.GetValue<long>().Should().Be(1, "an offset is honoured");

        var all = (await OkAsync($"/api/v1/proxy/logs?{Day}"))["entries"]!.AsArray().Select(e => e!.ToJsonString()).ToList();
        var page = (await OkAsync($"/api/v1/proxy/logs?{Day}&limit=4&offset=4"))!;
        page["total"]!.GetValue<long>().Should().Be(11, "the total counts every match, not the page");
        page["entries"]!.AsArray().Select(e => e!.ToJsonString()).Should().Equal(all.Skip(4).Take(4));
        (await OkAsync($"/api/v1/proxy/logs?{Day}&offset=11"))["entries"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task A_target_filter_is_text_never_sql()
    {
        await LogAsync();

        foreach (var target in new[] { "' OR 1=1 --", "x') OR ('1'='1", "\\'; DROP TABLE proxy_request_log; --", "%", "ads0.example:443' --" })
        {
            var log = await OkAsync($"/api/v1/proxy/logs?{Day}&target={Uri.EscapeDataString(target)}");
            log["total"]!.GetValue<long>().Should().Be(0, $"nothing's target contains {target}");
        }
        (await OkAsync($"/api/v1/proxy/logs?{Day}"))["total"]!.GetValue<long>().Should().Be(11, "and the table is still there");
    }

    [Theory]
    [InlineData("to=2026-04-25T23:59:59Z", "from is required")]
    [InlineData("from=2026-04-25T00:00:00Z", "to is required")]
    [InlineData("from=yesterday&to=2026-04-25T23:59:59Z", "from must be an ISO 8601 time")]
    [InlineData("from=2026-04-25T00:00:00Z&to=2026-13-45", "to must be an ISO 8601 time")]
    [InlineData("from=2026-04-26T00:00:00Z&to=2026-04-25T00:00:00Z", "from must not be after to")]
    [InlineData(Day + "&limit=0", "limit")]
    [InlineData(Day + "&limit=10001", "limit")]
    [InlineData(Day + "&limit=many", "limit")]
    [InlineData(Day + "&offset=-1", "offset")]
    [InlineData(Day + "&action=maybe", "action")]
    [InlineData(Day + "&connectionId=not-a-uuid", "connectionId must be a UUID")]
    [InlineData(Day + "&deviceId=42", "deviceId must be a UUID")]
    public async Task A_bad_query_is_a_400(string query, string error)
    {
        var response = await Owner.GetAsync($"/api/v1/proxy/logs?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["success"]!.GetValue<bool>().Should().BeFalse();
        body["error"]!.GetValue<string>().Should().Contain(error);
    }

    [Fact]
    public async Task Another_owners_device_or_an_unknown_one_is_a_403_on_the_log_and_the_bandwidth()
    {
        var (_, _, strangers) = await LogAsync();

        foreach (var device in new[] { strangers, Guid.NewGuid().ToString() })
        {
            (await Owner.GetAsync($"/api/v1/proxy/logs?{Day}&deviceId={device}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await Owner.GetAsync($"/api/v1/proxy/bandwidth?deviceId={device}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }
        // A connection id filter can't reach past the caller's devices either.
        var strangersConnection = (await api.ClientFor(_strangerId).GetFromJsonAsync<JsonObject>($"/api/v1/proxy/logs?{Day}"))!["entries"]![0]!["connectionId"]!.GetValue<string>();
        (await OkAsync($"/api/v1/proxy/logs?{Day}&connectionId={strangersConnection}"))["total"]!.GetValue<long>().Should().Be(0);
    }

    [Fact]
    public async Task Bandwidth_sums_per_device_and_connection_and_carries_a_bucket_only_when_grouped()
    {
        var (first, second, _) = await LogAsync();

        var totals = (await OkAsync("/api/v1/proxy/bandwidth"))["rows"]!.AsArray();
        totals.Should().HaveCount(2, "one row per (device, connection) of the owner's");
        var firstRow = totals.Single(r => r!["deviceId"]!.GetValue<string>() == first)!.AsObject();
        firstRow["connectionId"]!.GetValue<string>().Should().Be(_connection);
        firstRow["bytesIn"]!.GetValue<long>().Should().Be(new[] { 1, 2, 4, 5, 7, 8, 9 }.Sum(i => 1000 + i));
        firstRow["bytesOut"]!.GetValue<long>().Should().Be(700);
        firstRow.ContainsKey("bucket").Should().BeFalse();
        totals.Single(r => r!["deviceId"]!.GetValue<string>() == second)!["bytesIn"]!.GetValue<long>().Should().Be(12_000);

        var hourly = (await OkAsync($"/api/v1/proxy/bandwidth?groupBy=hour&deviceId={first}"))["rows"]!.AsArray();
        hourly.Select(r => r!["bucket"]!.GetValue<string>()).Should().Equal("2026-04-25T13:00:00Z", "2026-04-25T15:00:00Z", "2026-04-26T13:00:00Z");
        var daily = (await OkAsync($"/api/v1/proxy/bandwidth?groupBy=day&deviceId={first}&from=2026-04-25T00:00:00Z&to=2026-04-25T23:59:59Z"))["rows"]!.AsArray();
        daily.Should().ContainSingle().Which!["bucket"]!.GetValue<string>().Should().Be("2026-04-25T00:00:00Z");
        daily[0]!["bytesIn"]!.GetValue<long>().Should().Be(new[] { 1, 2, 4, 5, 7, 8 }.Sum(i => 1000 + i), "the next day's attempt is outside to");
        (await OkAsync($"/api/v1/proxy/bandwidth?connectionId={_other}"))["rows"]!.AsArray().Should().ContainSingle();
    }

    [Theory]
    [InlineData("groupBy=week", "groupBy")]
    [InlineData("from=soon", "from must be an ISO 8601 time")]
    [InlineData("connectionId=1", "connectionId must be a UUID")]
    public async Task A_bad_bandwidth_query_is_a_400(string query, string error)
    {
        var response = await Owner.GetAsync($"/api/v1/proxy/bandwidth?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(error);
    }

    [Fact]
    public async Task An_owner_without_devices_sees_an_empty_log()
    {
        var nobody = api.ClientFor(Platform.Application.Ids.ObjectIds.New());

        var log = await nobody.GetFromJsonAsync<JsonObject>($"/api/v1/proxy/logs?{Day}");

        log!["total"]!.GetValue<long>().Should().Be(0);
        (await nobody.GetFromJsonAsync<JsonObject>("/api/v1/proxy/bandwidth"))!["rows"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task The_admin_list_joins_every_connection_with_its_device_and_its_bytes()
    {
        var (first, _, _) = await LogAsync();
        var created = await Owner.PostAsJsonAsync("/api/v1/proxy/connections", new { device_id = first, name = "client-A" });
        var connection = (await created.Content.ReadFromJsonAsync<JsonObject>())!["connection"]!;
        var id = connection["connectionId"]!.GetValue<string>();
        var store = api.Services.GetRequiredService<ClickHouseStore>();
        var now = DateTime.UtcNow;
        await store.InsertAsync(RequestLogTable.Name, RequestLogTable.Columns, RequestLogTable.Types,
        [
            RequestLogTable.Row(now.AddMinutes(-5), id, first, "node-a", "a.example:443", "domain", 443, "", "allowed", "", 300, 30),
            RequestLogTable.Row(now.AddDays(-3), id, first, "node-a", "a.example:443", "domain", 443, "", "allowed", "", 4000, 400),
        ], CancellationToken.None);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/proxies");
        request.Headers.Add("X-Admin-Token", ProxyApi.AdminToken);
        var response = await api.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["total"]!.GetValue<int>().Should().Be(body["proxies"]!.AsArray().Count);
        var mine = body["proxies"]!.AsArray().Single(p => p!["connection_id"]!.GetValue<string>() == id)!;
        mine["name"]!.GetValue<string>().Should().Be("client-A");
        mine["password"]!.GetValue<string>().Should().Be(connection["password"]!.GetValue<string>());
        mine["created_at"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        mine["bytes_last_24h"]!.GetValue<long>().Should().Be(330);
        mine["bytes_lifetime"]!.GetValue<long>().Should().Be(4730);
        var device = mine["device"]!;
        device["remote_device_id"]!.GetValue<string>().Should().Be(first);
        device["user_id"]!.GetValue<string>().Should().Be(_ownerId);
        device["brand"]!.GetValue<string>().Should().Be("Samsung");
        device["model"]!.GetValue<string>().Should().Be("SM-G998B");
        device["country"]!.GetValue<string>().Should().Be("US");
        device["online"]!.GetValue<bool>().Should().BeTrue();
        device["is_rented"]!.GetValue<bool>().Should().BeFalse();
        device["is_onMarket"]!.GetValue<bool>().Should().BeFalse();

        (await Owner.DeleteAsync($"/api/v1/proxy/connections/{id}/device")).EnsureSuccessStatusCode();
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/proxies");
        again.Headers.Add("X-Admin-Token", ProxyApi.AdminToken);
        var list = (await (await api.CreateClient().SendAsync(again)).Content.ReadFromJsonAsync<JsonObject>())!;
        list["proxies"]!.AsArray().Single(p => p!["connection_id"]!.GetValue<string>() == id)!["device"].Should().BeNull("it has no device now");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    public async Task The_admin_list_without_the_admin_token_is_a_401(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/proxies");
        if (token is not null) request.Headers.Add("X-Admin-Token", token);

        var response = await api.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("password");
    }

    [Fact]
    public async Task A_user_token_is_not_the_admin_token()
    {
        (await Owner.GetAsync("/api/v1/admin/proxies")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}

/// <summary>The request log's routes when ClickHouse is not configured (503) or does not answer (502): never a 500.</summary>
public sealed class RequestLogUnavailableTests
{
    [Theory]
    [InlineData("", 503)]
    [InlineData("Host=127.0.0.1;Port=1;Protocol=http;Username=default", 502)]
    public async Task Without_a_log_to_read_the_routes_say_why(string clickHouse, int status)
    {
        await using var api = new ProxyApi { ClickHouse = clickHouse };
        var owner = Platform.Application.Ids.ObjectIds.New();
        var device = await api.DeviceOfAsync(owner);

        (await api.ClientFor(owner).GetAsync("/api/v1/proxy/logs?from=2026-04-25T00:00:00Z&to=2026-04-26T00:00:00Z")).StatusCode.Should().Be((HttpStatusCode)status);
        (await api.ClientFor(owner).GetAsync($"/api/v1/proxy/bandwidth?deviceId={device}")).StatusCode.Should().Be((HttpStatusCode)status);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/proxies");
        request.Headers.Add("X-Admin-Token", ProxyApi.AdminToken);
        (await api.CreateClient().SendAsync(request)).StatusCode.Should().Be((HttpStatusCode)status);
    }
}
