using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.ClickHouse;
using ProxyNode.RequestLog;

namespace Platform.Benchmarks;

/// <summary>
/// The proxy's figures, on the running platform: bulk throughput (1 GiB by default) and connect latency p50/p99 straight
/// to a local target, through the proxy node and a simulated phone (the device-agent simulator, its own process, its
/// tunnel to the node), and through microsocks (Debian's, what a user would run instead); the time from a hot-swap call
/// to the first session on the new device, p99 over 100 swaps; the request log's ingestion rows/s beside the driver's
/// raw insert of the same rows.
/// </summary>
public sealed class ProxyBench(Uri gateway, int socksPort, Uri tunnel, string clickHouse, long bulkBytes, int connects, int swaps, int logRows)
{
    private const string MicrosocksUser = "bench";
    private const string MicrosocksPassword = "bench-password";

    public async Task RunAsync()
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        var (clientId, clientSecret) = await RegisterAsync(http);
        await using var target = new BulkTarget();
        var microsocksPort = Platform.Testing.FreePorts.Any();
        using var microsocks = Process.Start(new ProcessStartInfo("microsocks", ["-i", "127.0.0.1", "-p", $"{microsocksPort}", "-u", MicrosocksUser, "-P", MicrosocksPassword])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("microsocks did not start (apt-get install microsocks)");
        using var agents = StartSimulator(clientId, clientSecret);
        try
        {
            var (first, second) = await TwoOnlinePhonesAsync(http);
            var connection = await CreateConnectionAsync(http, first);
            await Until(async () => await TrySocksAsync(socksPort, connection.Id, connection.Password, "127.0.0.1", target.Port) is { } s && Close(s),
                "a session through the node reaches the target", TimeSpan.FromSeconds(60));

            Console.WriteLine();
            Console.WriteLine($"proxy: {bulkBytes / (1 << 20)} MiB downloads and {connects} connects per path ({Environment.ProcessorCount} cores)");
            Console.WriteLine($"{"path",-40} {"MB/s",9} {"connect p50 ms",15} {"p99 ms",8}");
            // Downloads by curl (what a user runs) from a target that sends from a file (sendfile, as web servers do), so that
            // the client and the target cost what they would and the proxies' own cost shows; connects by a SOCKS5 client here.
            var paths = new (string Name, string[] Proxy, Func<Task<Stream>> Open)[]
            {
                ("direct", [], async () => await DirectAsync(target.Port)),
                ("node + simulated phone (SOCKS5)", ["--socks5-hostname", $"{connection.Id}:{connection.Password}@127.0.0.1:{socksPort}"],
                    async () => await TrySocksAsync(socksPort, connection.Id, connection.Password, "127.0.0.1", target.Port) ?? throw new IOException("the node refused")),
                ("microsocks", ["--socks5-hostname", $"{MicrosocksUser}:{MicrosocksPassword}@127.0.0.1:{microsocksPort}"],
                    async () => await TrySocksAsync(microsocksPort, MicrosocksUser, MicrosocksPassword, "127.0.0.1", target.Port) ?? throw new IOException("microsocks refused")),
            };
            var throughput = new Dictionary<string, double>();
            foreach (var (name, proxy, open) in paths)
            {
                await CurlDownloadAsync(proxy, target.Url(Math.Min(bulkBytes, 64L << 20))); // warm-up
                var runs = new List<double>();
                for (var run = 0; run < 3; run++) runs.Add(await CurlDownloadAsync(proxy, target.Url(bulkBytes)));
                runs.Sort();
                var mbps = throughput[name] = runs[1];
                var latencies = await ConnectLatenciesAsync(open);
                Console.WriteLine($"{name,-40} {mbps,9:F0} {Percentile(latencies, 0.5),15:F2} {Percentile(latencies, 0.99),8:F2}   (MB/s: median of {string.Join(", ", runs.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))})");
            }
            Console.WriteLine($"node / microsocks throughput: {throughput[paths[1].Name] / throughput[paths[2].Name]:F2} (target >= 3)");

            await HotSwapAsync(http, connection, first, second, target.Port);
            await LogIngestionAsync();
        }
        finally
        {
            microsocks.Kill();
            await agents.StopAsync();
        }
    }

    private async Task<(string ClientId, string ClientSecret)> RegisterAsync(HttpClient http)
    {
        var register = await http.PostAsJsonAsync("/api/v1/auth/register",
            new { email = $"proxy-bench-{Guid.NewGuid():N}@example.com", password = "benchmark password", name = "Proxy Bench", country = "US" });
        var client = (await register.Content.ReadFromJsonAsync<JsonObject>())!;
        var (id, secret) = (client["client_id"]!.GetValue<string>(), client["client_secret"]!.GetValue<string>());
        var token = await http.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = id, ["client_secret"] = secret,
        }));
        http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>());
        return (id, secret);
    }

    private Simulator StartSimulator(string clientId, string clientSecret)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        // As ./platform agents runs it: a relay's socket completions only copy bytes, so they run on the socket thread.
        start.Environment["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1";
        foreach (var arg in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "DeviceAgent.dll"), "--client-id", clientId, "--client-secret", clientSecret, "--devices", "2",
                     "--gateway", gateway.ToString(), "--state", Path.Combine(Path.GetTempPath(), $"proxy-bench-{Guid.NewGuid():N}.json"),
                     "--proxy-node", tunnel.ToString(), "--market", "false", "--allow-targets", "127.0.0.0/8,::1/128",
                 })
            start.ArgumentList.Add(arg);
        return new Simulator(Process.Start(start)!);
    }

    private static async Task<(string First, string Second)> TwoOnlinePhonesAsync(HttpClient http)
    {
        JsonArray devices = [];
        await Until(async () =>
        {
            devices = (await http.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!;
            return devices.Count == 2 && devices.All(d => d!["online"]!.GetValue<bool>());
        }, "the simulator's two phones are online", TimeSpan.FromSeconds(60));
        return (devices[0]!["remote_device_id"]!.GetValue<string>(), devices[1]!["remote_device_id"]!.GetValue<string>());
    }

    private static async Task<(string Id, string Password)> CreateConnectionAsync(HttpClient http, string device)
    {
        HttpResponseMessage? created = null;
        await Until(async () => (created = await http.PostAsJsonAsync("/api/v1/proxy/connections", new { device_id = device, name = "bench" })).IsSuccessStatusCode,
            "Proxy knows the phone", TimeSpan.FromSeconds(30));
        var connection = (await created!.Content.ReadFromJsonAsync<JsonObject>())!["connection"]!;
        return (connection["connectionId"]!.GetValue<string>(), connection["password"]!.GetValue<string>());
    }

    /// <summary>
    /// Each swap alternates the connection between the two phones; the first phone's blacklist blocks "localhost" and the
    /// second's "127.0.0.1" (both reach the same target), so a session to the name the new phone allows succeeds only
    /// once the node routes through it. Timed from the PUT's start to that session's success reply.
    /// </summary>
    private async Task HotSwapAsync(HttpClient http, (string Id, string Password) connection, string first, string second, int port)
    {
        (await http.PostAsJsonAsync($"/api/v1/devices/{first}/proxy-blacklist", new { domains = new[] { "localhost" } })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/v1/devices/{second}/proxy-blacklist", new { domains = new[] { "127.0.0.1" } })).EnsureSuccessStatusCode();
        await Until(async () => await TrySocksAsync(socksPort, connection.Id, connection.Password, "localhost", port) is null,
            "the first phone's blacklist is in force", TimeSpan.FromSeconds(10));
        var times = new List<double>();
        var calls = new List<double>();
        var slowest = new List<(double Total, double Call, DateTime At)>();
        var onSecond = false;
        for (var i = 0; i < swaps; i++)
        {
            var to = onSecond ? first : second;
            var probe = onSecond ? "127.0.0.1" : "localhost";
            var clock = Stopwatch.StartNew();
            (await http.PutAsJsonAsync($"/api/v1/proxy/connections/{connection.Id}/device", new { device_id = to })).EnsureSuccessStatusCode();
            calls.Add(clock.Elapsed.TotalMilliseconds);
            while (true)
            {
                if (await TrySocksAsync(socksPort, connection.Id, connection.Password, probe, port) is { } session)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    slowest.Add((times[^1], calls[^1], DateTime.UtcNow));
                    await session.DisposeAsync();
                    break;
                }
                if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw new TimeoutException("a hot-swap never took effect");
                // A moment between probes, so that probing doesn't take the CPU the change itself needs.
                await Task.Delay(1);
            }
            onSecond = !onSecond;
            await Task.Delay(20);
        }
        times.Sort();
        calls.Sort();
        Console.WriteLine($"hot-swap, PUT call to the first session on the new phone, {swaps} swaps: p50 {Percentile(times, 0.5):F1} ms, " +
            $"p99 {Percentile(times, 0.99):F1} ms, max {times[^1]:F1} ms (target p99 <= 100 ms; the PUT itself p50 {Percentile(calls, 0.5):F1} ms)");
        Console.WriteLine("  slowest swaps (total / the PUT's part, at): " +
            string.Join("; ", slowest.OrderByDescending(s => s.Total).Take(3).Select(s => $"{s.Total:F1} / {s.Call:F1} ms at {s.At:HH:mm:ss.fff}")));
    }

    private async Task LogIngestionAsync()
    {
        using var store = new ClickHouseStore(clickHouse);
        await RequestLogTable.EnsureAsync(store, CancellationToken.None);
        var now = DateTime.UtcNow;
        RequestLogEntry Row(int i) => new(now, $"bench-{i % 100}", "bench-device", "bench", "example.com:443", "domain", 443, "93.184.215.14",
            "allowed", "", 1000 + i, 100);

        var raw = Stopwatch.StartNew();
        await store.InsertAsync(RequestLogTable.Name, RequestLogTable.Columns, RequestLogTable.Types, Enumerable.Range(0, logRows).Select(i =>
        {
            var r = Row(i);
            return RequestLogTable.Row(r.Timestamp, r.ConnectionId, r.DeviceId, r.ServerNode, r.Target, r.TargetType, r.Port, r.ResolvedIp, r.Action,
                r.BlockReason, r.BytesIn, r.BytesOut);
        }), CancellationToken.None);
        var rawRate = logRows / raw.Elapsed.TotalSeconds;

        var writer = new RequestLogWriter(new ClickHouseRequestLog(store), new RequestLogOptions { Capacity = logRows }, NullLogger<RequestLogWriter>.Instance);
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var running = writer.RunAsync(stop.Token);
        for (var i = 0; i < logRows; i++) writer.Record(Row(i));
        var recorded = clock.Elapsed;
        await Until(() => Task.FromResult(writer.Written + writer.Dropped >= logRows), "the writer has written every row", TimeSpan.FromMinutes(5));
        var writerRate = logRows / clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await running;
        Console.WriteLine($"request log ingestion, {logRows:N0} rows: the node's writer {writerRate:N0} rows/s (batches of 10,000; recording them took " +
            $"{recorded.TotalMilliseconds:F0} ms, {writer.Dropped} dropped), the driver's raw insert {rawRate:N0} rows/s");
    }

    /// <summary>curl's download rate (MB/s) of <paramref name="url"/>, through the proxy its arguments name.</summary>
    private static async Task<double> CurlDownloadAsync(string[] proxy, string url)
    {
        var (code, output) = await Platform.Testing.Curl.RunAsync([.. proxy, "--max-time", "120", "-o", "/dev/null", "-w", "%{speed_download} %{size_download}", url]);
        var parts = output.Split(' ');
        if (code != 0 || parts.Length < 2) throw new IOException($"curl failed ({code}): {output}");
        return double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) / 1e6;
    }

    private async Task<List<double>> ConnectLatenciesAsync(Func<Task<Stream>> open)
    {
        var times = new List<double>(connects);
        for (var i = 0; i < connects + 20; i++)
        {
            var clock = Stopwatch.StartNew();
            await using var stream = await open();
            if (i >= 20) times.Add(clock.Elapsed.TotalMilliseconds);
            await stream.WriteAsync("GET /bytes/0 HTTP/1.1\r\nHost: target\r\n\r\n"u8.ToArray()); // an empty answer, then the close
        }
        times.Sort();
        return times;
    }

    private static async Task<Stream> DirectAsync(int port)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, port);
        return new NetworkStream(client.Client, ownsSocket: true);
    }

    /// <summary>A SOCKS5 session (RFC 1928 CONNECT with RFC 1929 user/password) to host:port; null when refused.</summary>
    private static async Task<Stream?> TrySocksAsync(int proxyPort, string user, string password, string host, int port)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, proxyPort);
        var stream = client.GetStream();
        var u = Encoding.UTF8.GetBytes(user);
        var p = Encoding.UTF8.GetBytes(password);
        var h = Encoding.ASCII.GetBytes(host);
        var isIp = IPAddress.TryParse(host, out var ip);
        var hello = new byte[] { 5, 1, 2 };
        var auth = new byte[3 + u.Length + p.Length];
        auth[0] = 1;
        auth[1] = (byte)u.Length;
        u.CopyTo(auth, 2);
        auth[2 + u.Length] = (byte)p.Length;
        p.CopyTo(auth, 3 + u.Length);
        byte[] connect = isIp
            ? [5, 1, 0, 1, .. ip!.GetAddressBytes(), (byte)(port >> 8), (byte)port]
            : [5, 1, 0, 3, (byte)h.Length, .. h, (byte)(port >> 8), (byte)port];
        // One step at a time, as clients do (microsocks reads each message on its own).
        var answers = new byte[2 + 2 + 10];
        try
        {
            await stream.WriteAsync(hello);
            await stream.ReadExactlyAsync(answers.AsMemory(0, 2));
            await stream.WriteAsync(auth);
            await stream.ReadExactlyAsync(answers.AsMemory(2, 2));
            if (answers[1] != 2 || answers[3] != 0)
            {
                client.Dispose();
                return null;
            }
            await stream.WriteAsync(connect);
            await stream.ReadExactlyAsync(answers.AsMemory(4, 10));
        }
        catch (EndOfStreamException)
        {
            client.Dispose();
            return null;
        }
        if (answers[5] != 0)
        {
            client.Dispose();
            return null;
        }
        return new NetworkStream(client.Client, ownsSocket: true);
    }

    private static bool Close(Stream stream)
    {
        stream.Dispose();
        return true;
    }

    private static async Task Until(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Never happened: {what}");
            await Task.Delay(50);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>
    /// A local HTTP target: <c>GET /bytes/N</c> answers N bytes from a sparse file by sendfile (as a web server sends a
    /// file), then closes.
    /// </summary>
    private sealed class BulkTarget : IAsyncDisposable
    {
        private readonly Platform.Testing.LoopbackServer _server;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> _files = new();

        public BulkTarget() => _server = new Platform.Testing.LoopbackServer(ServeAsync);

        /// <summary>A sparse file of that many bytes (made on first use).</summary>
        private string FileOf(long bytes) => _files.GetOrAdd(bytes, size =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"proxy-bench-{Guid.NewGuid():N}.bin");
            using var file = File.Create(path);
            file.SetLength(size);
            return path;
        });

        public int Port => _server.Port;

        public string Url(long bytes) => $"http://127.0.0.1:{Port}/bytes/{bytes}";

        private async Task ServeAsync(Socket socket, CancellationToken stopping)
        {
            await using var stream = new NetworkStream(socket);
            if (await Platform.Testing.LoopbackServer.ReadHttpHeadAsync(stream, stopping) is not { } head) return;
            if (head.Split(' ') is not [_, var path, ..] || !path.StartsWith("/bytes/", StringComparison.Ordinal)
                || !long.TryParse(path["/bytes/".Length..], System.Globalization.CultureInfo.InvariantCulture, out var bytes)) return;
            await socket.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {bytes}\r\nConnection: close\r\n\r\n"), stopping);
            if (bytes > 0) await socket.SendFileAsync(FileOf(bytes), stopping);
            socket.Shutdown(SocketShutdown.Send);
            while (await socket.ReceiveAsync(new byte[1024], stopping) > 0)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _server.DisposeAsync();
            foreach (var path in _files.Values) File.Delete(path);
        }
    }

    private sealed class Simulator(Process process) : IDisposable
    {
        public async Task StopAsync()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        public void Dispose() => process.Dispose();
    }
}
