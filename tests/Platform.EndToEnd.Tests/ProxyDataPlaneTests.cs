using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The proxy as its customer uses it: curl through the platform's proxy node (SOCKS5 and HTTP CONNECT), each session
/// exiting through the owner's simulated phone (the device-agent simulator keeps its tunnel to the node) to a target
/// on this machine; the owner's changes through the gateway (blacklist, hot-swap, delete) reach the node at once.
/// </summary>
[Collection(RunningPlatformCollection.Name)]
public sealed class ProxyDataPlaneTests(RunningPlatform running, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_customer_reaches_a_local_target_through_the_node_and_a_simulated_phone_and_the_owners_changes_apply_at_once()
    {
        var platform = running.Platform;
        var owner = await platform.RegisterAsync("Proxy Owner", "US");
        await using var target = new LocalTarget();
        await using var agents = DeviceAgentSimulator.Start(platform, owner, devices: 2, taskSeconds: 1,
            Path.Combine(platform.DataDirectory, $"agents-{Guid.NewGuid():N}.json"), market: false);
        try
        {
            JsonArray devices = [];
            await Eventually.HoldsAsync(async () =>
            {
                devices = (await owner.Client.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!;
                return devices.Count == 2 && devices.All(d => d!["online"]!.GetValue<bool>());
            }, "the simulator's two phones are online", TimeSpan.FromSeconds(60));
            var first = devices[0]!["remote_device_id"]!.GetValue<string>();
            var second = devices[1]!["remote_device_id"]!.GetValue<string>();

            HttpResponseMessage? created = null;
            await Eventually.HoldsAsync(async () =>
                (created = await owner.Client.PostAsJsonAsync("/api/v1/proxy/connections", new { device_id = first, name = "curl" })).StatusCode != HttpStatusCode.NotFound,
                "Proxy knows the phone");
            var connection = (await created!.Content.ReadFromJsonAsync<JsonObject>())!["connection"]!;
            var id = connection["connectionId"]!.GetValue<string>();
            var password = connection["password"]!.GetValue<string>();
            var socks = $"socks5h://{id}:{password}@127.0.0.1:{platform.SocksPort}";
            var connect = $"http://{id}:{password}@127.0.0.1:{platform.ConnectPort}";

            // The name is resolved at the exit (the phone), so "localhost" reaches this machine's target through it.
            await Eventually.HoldsAsync(async () => (await Curl.RunAsync("-x", socks, target.Url("localhost"))).Output.Contains(LocalTarget.Greeting, StringComparison.Ordinal),
                "a SOCKS5 session reaches the target through the phone", TimeSpan.FromSeconds(30));
            var viaConnect = await Curl.RunAsync("-p", "-x", connect, target.Url("127.0.0.1"));
            viaConnect.Output.Should().Contain(LocalTarget.Greeting, "an HTTP CONNECT session exits through the same phone");
            target.Requests.Should().BeGreaterThanOrEqualTo(2);

            var wrong = await Curl.RunAsync("-x", $"socks5h://{id}:wrong-password-00@127.0.0.1:{platform.SocksPort}", target.Url("localhost"));
            wrong.Code.Should().NotBe(0);
            wrong.Output.Should().NotContain(LocalTarget.Greeting, "a wrong password lets nothing through");
            (await Curl.RunAsync("-p", "-x", $"http://{id}:wrong-password-00@127.0.0.1:{platform.ConnectPort}", "-w", "%{http_connect}", target.Url("127.0.0.1")))
                .Output.Should().Contain("407");

            // The phone's blacklist: the node refuses the name (SOCKS5 "not allowed by ruleset") without looking it up; an IP still passes.
            (await owner.Client.PostAsJsonAsync($"/api/v1/devices/{first}/proxy-blacklist", new { domains = new[] { "localhost" } })).EnsureSuccessStatusCode();
            var blockedWithin = await TimeUntilAsync(async () => !(await Curl.RunAsync("-x", socks, target.Url("localhost"))).Output.Contains(LocalTarget.Greeting, StringComparison.Ordinal));
            output.WriteLine($"blacklist in force after {blockedWithin.TotalMilliseconds:F0} ms");
            (await Curl.RunAsync("-p", "-x", connect, "-w", "%{http_connect}", target.Url("localhost"))).Output.Should().Contain("403");
            (await Curl.RunAsync("-x", socks, target.Url("127.0.0.1"))).Output.Should().Contain(LocalTarget.Greeting);

            // Hot-swap to the second phone (its blacklist is empty): the name passes again.
            (await owner.Client.PutAsJsonAsync($"/api/v1/proxy/connections/{id}/device", new { device_id = second })).EnsureSuccessStatusCode();
            var swappedWithin = await TimeUntilAsync(async () => (await Curl.RunAsync("-x", socks, target.Url("localhost"))).Output.Contains(LocalTarget.Greeting, StringComparison.Ordinal));
            output.WriteLine($"hot-swap in force after {swappedWithin.TotalMilliseconds:F0} ms");

            // Every attempt is in the owner's request log (ClickHouse), the blocked ones with why; the name was resolved at the phone.
            var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O"));
            var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(10).ToString("O"));
            JsonArray entries = [];
            try
            {
                await Eventually.HoldsAsync(async () =>
                {
                    entries = (await owner.Client.GetFromJsonAsync<JsonObject>($"/api/v1/proxy/logs?from={from}&to={to}&connectionId={id}"))!["entries"]!.AsArray();
                    return entries.Any(e => e!["deviceId"]!.GetValue<string>() == second);
                    // The node writes each second; while ClickHouse refuses, it retries up to 10 s apart: the wait covers one such pause.
                }, "the node's rows reach the request log", TimeSpan.FromSeconds(45));
            }
            catch (TimeoutException ex)
            {
                // What ClickHouse itself holds for the connection tells a row never written from one not read.
                using var clickHouse = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{platform.ClickHousePort}") };
                var stored = await clickHouse.GetStringAsync("/?query=" + Uri.EscapeDataString(
                    $"SELECT device_id, action, count(), min(timestamp), max(timestamp) FROM proxy_request_log WHERE connection_id = '{id}' GROUP BY device_id, action FORMAT TSV"));
                throw new TimeoutException($"{ex.Message} The route answered {entries.ToJsonString()}; ClickHouse holds (first {first}, second {second}, " +
                    $"now {DateTime.UtcNow:O}):\n{stored}\nThe node said:\n{await platform.LogTailAsync("proxy-node")}", ex);
            }
            var reached = entries.First(e => e!["action"]!.GetValue<string>() == "allowed" && e["target"]!.GetValue<string>().StartsWith("localhost:", StringComparison.Ordinal))!;
            reached["resolvedIp"]!.GetValue<string>().Should().BeOneOf("127.0.0.1", "::1");
            reached["serverNode"]!.GetValue<string>().Should().Be("local");
            reached["bytesIn"]!.GetValue<long>().Should().BeGreaterThan(0);
            entries.Should().Contain(e => e!["action"]!.GetValue<string>() == "blocked" && e["blockReason"]!.GetValue<string>() == "device blacklist: localhost");
            var bandwidth = (await owner.Client.GetFromJsonAsync<JsonObject>($"/api/v1/proxy/bandwidth?connectionId={id}"))!["rows"]!.AsArray();
            bandwidth.Select(r => r!["deviceId"]!.GetValue<string>()).Should().BeEquivalentTo([first, second], "the connection went through both phones");
            using var admin = new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/proxies");
            admin.Headers.Add("X-Admin-Token", platform.AdminToken);
            var proxies = (await (await platform.Gateway.SendAsync(admin)).Content.ReadFromJsonAsync<JsonObject>())!["proxies"]!.AsArray();
            var listed = proxies.Single(p => p!["connection_id"]!.GetValue<string>() == id)!;
            listed["bytes_lifetime"]!.GetValue<long>().Should().BeGreaterThan(0);
            listed["device"]!["remote_device_id"]!.GetValue<string>().Should().Be(second);

            // Deleting the connection ends the session it holds open, and the credential lets nothing in any more.
            var held = Curl.RunAsync("--max-time", "30", "-x", socks, target.Url("127.0.0.1", "/hold"));
            await Eventually.HoldsAsync(() => target.Held > 0, "the target holds the session open");
            var clock = Stopwatch.StartNew();
            (await owner.Client.DeleteAsync($"/api/v1/proxy/connections/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
            var ended = await held;
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the node ends a deleted connection's sessions");
            ended.Code.Should().NotBe(0, "the session was cut, not answered");
            (await Curl.RunAsync("-x", socks, target.Url("127.0.0.1"))).Output.Should().NotContain(LocalTarget.Greeting);
        }
        finally
        {
            foreach (var line in agents.Lines.Where(l => l.Contains("proxy", StringComparison.OrdinalIgnoreCase))) output.WriteLine(line);
        }
    }

    /// <summary>How long until <paramref name="condition"/> holds (it must within 10 s).</summary>
    private static async Task<TimeSpan> TimeUntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        await Eventually.HoldsAsync(condition, "the change reaches the proxy node", TimeSpan.FromSeconds(10));
        return clock.Elapsed;
    }

    /// <summary>An HTTP server on this machine: "/" answers a greeting, "/hold" never answers (the session stays open).</summary>
    private sealed class LocalTarget : IAsyncDisposable
    {
        public const string Greeting = "hello from the target";
        private readonly LoopbackServer _server;
        private int _requests;
        private int _held;

        public LocalTarget() => _server = new LoopbackServer(AnswerAsync);

        public int Requests => Volatile.Read(ref _requests);
        public int Held => Volatile.Read(ref _held);

        public string Url(string host, string path = "/") => $"http://{host}:{_server.Port}{path}";

        private async Task AnswerAsync(Socket socket, CancellationToken stopping)
        {
            await using var stream = new NetworkStream(socket);
            if (await LoopbackServer.ReadHttpHeadAsync(stream, stopping) is not { } head) return;
            Interlocked.Increment(ref _requests);
            if (head.StartsWith("GET /hold", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _held);
                while (await stream.ReadAsync(new byte[4096], stopping) > 0)
                {
                }
                return;
            }
            var body = Encoding.UTF8.GetBytes(Greeting);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"), stopping);
            await stream.WriteAsync(body, stopping);
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
