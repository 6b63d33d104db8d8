using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Benchmarks;
using Platform.Testing;

// Platform benchmark: the whole platform (as ./platform up runs it), 10,000 jobs, then
// GET /api/v1/jobs (a page of 20) and POST /api/v1/jobs through the gateway, through a plain YARP hop (the same proxy
// with nothing on it: what any hop costs here) and straight to the Jobs service; 50 MiB uploads; apply and submit
// through the gateway beside the create; the largest submissions; the proof-uniqueness check over --proof-tasks tasks. It
// prints figures and asserts nothing.
var seconds = Option("--seconds", 10);
var concurrency = Option("--concurrency", 4);
var jobCount = Option("--jobs", 10_000);
var proofTasks = Option("--proof-tasks", 20_000);
var confirmations = Option("--confirmations", 5_000);
var assignments = Option("--assignments", 2_000);
// Only the payments figures (deposits, confirmed tasks into money), skipping the job, upload and task scenarios.
var paymentsOnly = args.Contains("--payments-only");
// Only the device figures (heartbeats, assignment throughput with 50 phones).
var devicesOnly = args.Contains("--devices-only");
// Only the proxy figures (throughput and connect latency: direct, node + simulated phone, microsocks; hot-swap; log ingestion).
var proxyOnly = args.Contains("--proxy-only");
// Only the sign-up flood (200 at once: answers, time, Identity's peak memory).
var signUpsOnly = args.Contains("--signups-only");
// Only the largest submissions (three at once, ten 5 MB proof files each: time, Tasks' peak memory).
var submissionsOnly = args.Contains("--submissions-only");
var proxyMiB = Option("--proxy-mib", 1024);


var dataDir = Directory.CreateTempSubdirectory("platform-bench-").FullName;
var gatewayPort = FreePorts.Any();
var rabbitPort = FreePorts.ForRabbitMq();
var (socksPort, connectPort, tunnelPort, streamsPort, clickHousePort) = (FreePorts.Any(), FreePorts.Any(), FreePorts.Any(), FreePorts.Any(), FreePorts.Any());
Console.WriteLine($"starting the platform (data {dataDir})...");
var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
[
    $"PLATFORM_DATA_DIR={dataDir}",
    $"PLATFORM_GATEWAY_PORT={gatewayPort}",
    $"PLATFORM_RABBITMQ_PORT={rabbitPort}",
    "PLATFORM_CONTAINERS=false",
    "PLATFORM_RATE_LIMIT_PER_SECOND=1000000",
    "PLATFORM_SIGNUPS_PER_MINUTE=1000000",
    $"PLATFORM_SOCKS_PORT={socksPort}",
    $"PLATFORM_CONNECT_PORT={connectPort}",
    $"PLATFORM_TUNNEL_PORT={tunnelPort}",
    $"PLATFORM_TUNNEL_STREAMS_PORT={streamsPort}",
    $"PLATFORM_CLICKHOUSE_PORT={clickHousePort}",
]);
// The reference hop runs like the gateway: its own process, started by the same orchestrator, on a port of its own.
var plainProxyPort = FreePorts.Any();
var jobsService = builder.CreateResourceBuilder(builder.Resources.OfType<ExecutableResource>().Single(r => r.Name == "jobs"));
builder.AddProject("plain-proxy", Path.Combine(builder.AppHostDirectory, "..", "tests", "Platform.Benchmarks.PlainProxy", "Platform.Benchmarks.PlainProxy.csproj"))
    .WithEndpoint("http", e =>
    {
        e.Port = plainProxyPort;
        e.IsProxied = false;
    })
    .WithEnvironment("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1")
    .WithEnvironment("PLAIN_PROXY_TARGET", jobsService.GetEndpoint("http"))
    .WaitFor(jobsService);
builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
    .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
// The testing builder runs no dashboard but still points every service's OTLP exporter at one, so each exporter would
// retry a dead endpoint in memory for the whole run. Spans and metrics are still recorded; they are not exported.
foreach (var project in builder.Resources.Where(r => r is ProjectResource || (r is ExecutableResource && r.Name != "rabbitmq")))
    project.Annotations.Add(new EnvironmentCallbackAnnotation(env => env.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT")));
await using var app = await builder.BuildAsync();
await app.StartAsync();

var gateway = new Uri($"http://127.0.0.1:{gatewayPort}");
var direct = app.GetEndpoint("jobs", "http");
var plainProxy = new Uri($"http://127.0.0.1:{plainProxyPort}");
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    Timeout = TimeSpan.FromSeconds(30),
};
await WaitReady();

var token = await SignIn();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
// Jobs are paid for when posted: the benchmark's employer deposits enough for every job it may post (each deposit is
// at most 100,000, Payments' default limit).
for (var deposited = 0; deposited < 50; deposited++)
    (await http.PostAsJsonAsync(new Uri(gateway, "/api/v1/payments/deposit"), new { amount = 100_000 })).EnsureSuccessStatusCode();

if (proxyOnly)
{
    await MeasureProxy();
    await app.StopAsync();
    try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    return 0;
}

if (signUpsOnly)
{
    await MeasureSignUps();
    await app.StopAsync();
    try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    return 0;
}

if (submissionsOnly)
{
    await MeasureSubmissions();
    await app.StopAsync();
    try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    return 0;
}

if (devicesOnly)
{
    await MeasureDevices();
    await app.StopAsync();
    try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    return 0;
}

if (paymentsOnly)
{
    await MeasurePayments();
    await app.StopAsync();
    try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    return 0;
}

// Half the seeding workers post through the gateway and half straight to Jobs, so that both paths are as warm
// (JIT tiering, connection pools) when measuring starts: a cold gateway against a warm service is not a fair ratio.
Console.WriteLine($"seeding {jobCount} jobs...");
var seeded = Stopwatch.StartNew();
var next = 0;
await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
{
    var origin = worker % 2 == 0 ? gateway : direct;
    while (Interlocked.Increment(ref next) <= jobCount)
        (await http.PostAsJsonAsync(new Uri(origin, "/api/v1/jobs"), NewJob())).EnsureSuccessStatusCode();
}));
Console.WriteLine($"seeded in {seeded.Elapsed.TotalSeconds:F1} s ({jobCount / seeded.Elapsed.TotalSeconds:F0} jobs/s, half through the gateway)");
// The outbox relay is still publishing a JobCreated per seeded job; let it drain before measuring.
Console.WriteLine("letting the outbox relay drain...");
await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(jobCount / 1000, 3, 20)));

var paths = new (string Name, Uri Origin)[] { ("gateway", gateway), ("plain", plainProxy), ("direct", direct) };
var results = new List<(string Name, Stats[] ByPath)>();
foreach (var (name, request) in new (string, Func<Uri, HttpRequestMessage>)[]
{
    ("GET /api/v1/jobs?limit=20&page=N", origin => new HttpRequestMessage(HttpMethod.Get, new Uri(origin, $"/api/v1/jobs?limit=20&page={Random.Shared.Next(1, 50)}&SortBY=job_price"))),
    ("POST /api/v1/jobs", origin => new HttpRequestMessage(HttpMethod.Post, new Uri(origin, "/api/v1/jobs")) { Content = JsonContent.Create(NewJob()) }),
})
{
    await WaitUntilQuiet();
    // Warm up every path, then alternate half-length runs (gateway, plain, direct, gateway, plain, direct) so that all
    // paths see the same machine state, and pool each path's samples.
    foreach (var path in paths) await Measure(path.Origin, request, Math.Max(3, seconds / 2));
    var runs = paths.Select(_ => new List<Run>()).ToArray();
    for (var round = 0; round < 2; round++)
    {
        for (var i = 0; i < paths.Length; i++)
            runs[i].Add(await Measure(paths[i].Origin, request, Math.Max(1, seconds / 2)));
    }
    results.Add((name, runs.Select(r => Stats.Of([.. r])).ToArray()));
}

Console.WriteLine();
Console.WriteLine($"{"scenario",-34} {"path",-8} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"errors",7}   p50 / direct");
foreach (var (name, byPath) in results)
{
    var straight = byPath[^1];
    for (var i = 0; i < paths.Length; i++)
    {
        var stats = byPath[i];
        var ratio = i == paths.Length - 1 ? "" : $"{stats.P50 / straight.P50,12:F2}";
        Console.WriteLine($"{(i == 0 ? name : ""),-34} {paths[i].Name,-8} {stats.Rps,9:F0} {stats.P50,8:F2} {stats.P99,8:F2} {stats.Errors,7}{ratio}");
    }
}
Console.WriteLine($"(concurrency {concurrency}, {seconds} s per run, {jobCount} jobs, {Environment.ProcessorCount} cores; " +
    "target: gateway p50 / direct p50 <= 1.20; plain = the same YARP hop with no token check, rate limit or telemetry)");

await MeasureUploads();
await MeasureSubmissions();
await MeasureSignUps();
await MeasureTasks(results.Single(r => r.Name.StartsWith("POST", StringComparison.Ordinal)).ByPath[0]);
await MeasurePayments();
await MeasureDevices();
await MeasureProxy();

await app.StopAsync();
try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
return 0;

// Apply and submit through the gateway, measured as the job creation was, and compared with its p50 (target: each at
// most 1.5 times the create's). A worker applies to a job open to anyone any number of times (few_times, no task limit,
// 1,000,000 positions at 0.01, so that its 11,000 hold fits the deposit); submitting to a job without planned tasks
// takes a task and hands in its proof in one request.
// Then the proof-uniqueness check (route 4) over the employer's tasks, once they number --proof-tasks.
async Task MeasureTasks(Stats create)
{
    var worker = await SignIn();
    using var workerHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
    workerHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", worker);
    var openJob = new Func<JsonObject>(() =>
    {
        var job = NewJob();
        job["positions"] = 1_000_000;
        job["job_price"] = 0.01;
        job["few_times"] = true;
        return job;
    });
    var applyJob = await PostJobAsync(openJob());
    var submitJob = await PostJobAsync(openJob());
    foreach (var job in new[] { applyJob, submitJob }) await WaitUntilTasksKnowsAsync(job);
    var measured = new List<(string Name, Stats Stats)>();
    foreach (var (name, request) in new (string, Func<Uri, HttpRequestMessage>)[]
    {
        ("POST /api/v1/tasks/apply", origin => new HttpRequestMessage(HttpMethod.Post, new Uri(origin, "/api/v1/tasks/apply")) { Content = JsonContent.Create(new { job_id = applyJob }) }),
        ("POST /api/v1/tasks/submit", origin => new HttpRequestMessage(HttpMethod.Post, new Uri(origin, "/api/v1/tasks/submit"))
        {
            Content = JsonContent.Create(new { job_id = submitJob, job_proof = $"Signed up as user{Random.Shared.Next()}@example.com with code {Guid.NewGuid():N}" }),
        }),
    })
    {
        await WaitUntilQuiet();
        await Measure(gateway, request, Math.Max(2, seconds / 2), workerHttp);
        measured.Add((name, Stats.Of(await Measure(gateway, request, seconds, workerHttp), await Measure(gateway, request, seconds, workerHttp))));
    }
    Console.WriteLine();
    Console.WriteLine($"{"scenario (through the gateway)",-34} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"errors",7}   p50 / create p50");
    Console.WriteLine($"{"POST /api/v1/jobs (above)",-34} {create.Rps,9:F0} {create.P50,8:F2} {create.P99,8:F2} {create.Errors,7}");
    foreach (var (name, stats) in measured)
        Console.WriteLine($"{name,-34} {stats.Rps,9:F0} {stats.P50,8:F2} {stats.P99,8:F2} {stats.Errors,7}{stats.P50 / create.P50,12:F2}");
    Console.WriteLine("(target: apply and submit p50 <= 1.5 x the create's)");

    // The employer's tasks, topped up to --proof-tasks by submissions from eight workers at once.
    var submitted = await TaskCountAsync(submitJob) + await TaskCountAsync(applyJob);
    var toAdd = Math.Max(0, proofTasks - submitted);
    Console.WriteLine($"seeding {toAdd} more tasks for the proof check ({submitted} exist)...");
    var seededTasks = Stopwatch.StartNew();
    var left = toAdd;
    await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
    {
        while (Interlocked.Decrement(ref left) >= 0)
            (await workerHttp.PostAsJsonAsync("/api/v1/tasks/submit",
                new { job_id = submitJob, job_proof = $"Signed up as user{Random.Shared.Next()}@example.com with code {Guid.NewGuid():N}" })).EnsureSuccessStatusCode();
    }));
    Console.WriteLine($"seeded in {seededTasks.Elapsed.TotalSeconds:F0} s; the employer has {await TaskCountAsync(submitJob) + await TaskCountAsync(applyJob)} tasks");
    await WaitUntilQuiet();
    // The first check reads the employer's proofs into Tasks' memory copy; later ones read only what changed since.
    var cold = Stopwatch.StartNew();
    (await http.GetAsync(new Uri(gateway, "/api/v1/jobs/proof-unique?search=nosuchword&option=word"))).EnsureSuccessStatusCode();
    Console.WriteLine($"GET /api/v1/jobs/proof-unique, the first (reads the employer's proofs into memory): {cold.Elapsed.TotalMilliseconds:F0} ms");
    foreach (var (option, term) in new[] { ("word", "nosuchword"), ("word", "signed up as"), ("charactor", "nosuchsubstring"), ("charactor", "ned up a") })
    {
        var check = await Measure(gateway, origin => new HttpRequestMessage(HttpMethod.Get, new Uri(origin, $"/api/v1/jobs/proof-unique?search={Uri.EscapeDataString(term)}&option={option}")), seconds);
        var stats = Stats.Of(check);
        Console.WriteLine($"GET /api/v1/jobs/proof-unique option={option,-9} \"{term}\" ({(term.StartsWith("nosuch", StringComparison.Ordinal) ? "unique" : "found")}): " +
            $"{stats.Rps:F0} req/s, p50 {stats.P50:F1} ms, p99 {stats.P99:F1} ms, errors {stats.Errors}");
    }
}

// Payments: deposits through the gateway (p50/p99), then how fast confirmed tasks become money. --confirmations
// TaskConfirmed events for one funded job (a fresh employer's, 100 workers) are published on the platform's broker, and
// the clock stops when the ledger has paid them all (the employer's hold is spent); beside it, the same number of
// messages through MassTransit alone (publish, a consumer that does nothing) on the same broker, in the same run.
async Task MeasurePayments()
{
    await WaitUntilQuiet();
    var deposit = new Func<Uri, HttpRequestMessage>(origin => new HttpRequestMessage(HttpMethod.Post, new Uri(origin, "/api/v1/payments/deposit"))
    {
        Content = JsonContent.Create(new { amount = 1 }),
    });
    await Measure(gateway, deposit, Math.Max(2, seconds / 2));
    var deposits = Stats.Of(await Measure(gateway, deposit, seconds), await Measure(gateway, deposit, seconds));

    var employer = await SignIn();
    using var employerHttp = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
    employerHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", employer);
    var price = 0.01m;
    var funds = Math.Ceiling(confirmations * price * 1.1m) + 1;
    (await employerHttp.PostAsJsonAsync("/api/v1/payments/deposit", new { amount = funds })).EnsureSuccessStatusCode();
    var posted = await employerHttp.PostAsJsonAsync("/api/v1/jobs", new
    {
        title = "Benchmark confirmations", category = "Other", description = "d", proof = "p", duration = 7, positions = confirmations, job_price = price,
    });
    posted.EnsureSuccessStatusCode();
    var jobId = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["job_id"]!.GetValue<string>();
    var employerId = (await employerHttp.GetFromJsonAsync<JsonObject>("/api/v1/users/me"))!["user_id"]!.GetValue<string>();
    var workers = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid().ToString("N")[..24]).ToArray();

    await using var broker = await BenchBroker.StartAsync($"amqp://guest:guest@127.0.0.1:{rabbitPort}/");
    await WaitUntilQuiet();
    var raw = await broker.PublishAndConsumeAsync(confirmations);

    await WaitUntilQuiet();
    var paid = Stopwatch.StartNew();
    await broker.PublishAllAsync(Enumerable.Range(0, confirmations)
        .Select(i => new Platform.Contracts.Tasks.TaskConfirmed($"bench-{i}", jobId, workers[i % workers.Length], employerId, price)));
    var published = paid.Elapsed;
    // Polled ten times a second (route 19 is a few index lookups).
    while (true)
    {
        var balance = (await employerHttp.GetFromJsonAsync<JsonObject>("/api/v1/users/me/balance"))!;
        if (balance["balance"]!.GetValue<decimal>() == balance["active_balance"]!.GetValue<decimal>()) break;
        if (paid.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("The ledger did not pay every confirmed task within 10 minutes.");
        await Task.Delay(100);
    }
    var ledger = paid.Elapsed;

    Console.WriteLine();
    Console.WriteLine($"{"POST /api/v1/payments/deposit",-34} {deposits.Rps,9:F0} req/s  p50 {deposits.P50:F2} ms  p99 {deposits.P99:F2} ms  errors {deposits.Errors}");
    Console.WriteLine($"TaskConfirmed -> ledger credit: {confirmations} events in {ledger.TotalSeconds:F1} s = {confirmations / ledger.TotalSeconds:F0} events/s end to end " +
        $"(published in {published.TotalSeconds:F1} s)");
    Console.WriteLine($"MassTransit alone, same broker:  {confirmations} messages in {raw.TotalSeconds:F1} s = {confirmations / raw.TotalSeconds:F0} messages/s publish -> consume");
}

async Task<string> PostJobAsync(JsonObject job)
{
    var response = await http.PostAsJsonAsync(new Uri(gateway, "/api/v1/jobs"), job);
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonObject>())!["job_id"]!.GetValue<string>();
}

// Tasks hears of a job through Jobs' event: a setup step waits (at most a minute) until it knows the job.
async Task WaitUntilTasksKnowsAsync(string jobId)
{
    for (var i = 0; (await http.GetAsync(new Uri(gateway, $"/api/v1/jobs/{jobId}/planned-tasks"))).StatusCode == HttpStatusCode.NotFound && i < 600; i++)
        await Task.Delay(100);
}

async Task<long> TaskCountAsync(string job) =>
    (await http.GetFromJsonAsync<JsonObject>(new Uri(gateway, $"/api/v1/jobs/{job}/applicants?limit=1")))!["total_tasks"]!.GetValue<long>();

// A 50 MiB upload through the gateway, three times: how long each takes, and how far the Storage process's resident
// memory rises above where it was (its peak, VmHWM, reset before the uploads). Target: less than the file's size, i.e.
// the upload streams to disk instead of being held in memory.
async Task MeasureUploads()
{
    const int size = 50 * 1024 * 1024;
    var file = Path.Combine(dataDir, "upload.bin");
    await using (var output = File.Create(file))
    {
        var block = new byte[1024 * 1024];
        for (var i = 0; i < size / block.Length; i++)
        {
            Random.Shared.NextBytes(block);
            await output.WriteAsync(block);
        }
    }
    var storage = Directory.GetDirectories("/proc").Select(d => Path.GetFileName(d)).Where(d => d.All(char.IsAsciiDigit))
        .FirstOrDefault(pid => ReadText($"/proc/{pid}/cmdline").Contains("Storage.Api/bin/", StringComparison.Ordinal));
    var before = storage is null ? 0 : Kilobytes(storage, "VmRSS");
    if (storage is not null) File.WriteAllText($"/proc/{storage}/clear_refs", "5");
    var times = new List<double>();
    for (var i = 0; i < 3; i++)
    {
        await using var content = File.OpenRead(file);
        using var form = new MultipartFormDataContent { { new StreamContent(content), "file", "upload.bin" } };
        var started = Stopwatch.StartNew();
        using var response = await http.PostAsync(new Uri(gateway, "/api/v1/storage/temp"), form);
        response.EnsureSuccessStatusCode();
        times.Add(started.Elapsed.TotalMilliseconds);
    }
    var peak = storage is null ? 0 : Kilobytes(storage, "VmHWM");
    Console.WriteLine();
    Console.WriteLine($"POST /api/v1/storage/temp, 50 MiB through the gateway: {string.Join(" / ", times.Select(t => $"{t:F0} ms"))}" +
        $" ({size / 1024.0 / 1024 / (times.Average() / 1000):F0} MiB/s on average)");
    Console.WriteLine(storage is null
        ? "Storage process not found: peak memory not measured"
        : $"Storage process: resident {before / 1024.0:F1} MiB before, peak {peak / 1024.0:F1} MiB during the uploads: +{(peak - before) / 1024.0:F1} MiB " +
          "(target: less than the 50 MiB file)");
}

// Three submissions (route 11) at once, each as large as Tasks takes: ten proof files of 5 MB in base64, about 70 MB of
// JSON under its 71 MiB body limit, each from its own worker, through the gateway: the answers, how long they take, and
// how far the Tasks process's resident memory rises (its peak, VmHWM, reset before). Target: well under the 512 MiB
// Kubernetes memory limit of a service (deploy/k8s), i.e. a request holds its body and its files' bytes once each.
async Task MeasureSubmissions()
{
    const int files = 10, fileBytes = 5 * 1024 * 1024, atOnce = 3;
    var job = NewJob();
    job["few_times"] = true;
    job["files"] = new JsonArray(Enumerable.Range(0, files)
        .Select(i => (JsonNode)new JsonObject { ["name"] = $"shot{i}", ["types"] = new JsonArray("image/png") }).ToArray());
    var jobId = await PostJobAsync(job);
    await WaitUntilTasksKnowsAsync(jobId);
    var png = new byte[fileBytes];
    Random.Shared.NextBytes(png);
    byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    signature.CopyTo(png, 0);
    var base64 = Convert.ToBase64String(png);
    var body = System.Text.Encoding.UTF8.GetBytes(new JsonObject
    {
        ["job_id"] = jobId,
        ["job_proof"] = "ten screenshots",
        ["proof_files_base64"] = new JsonArray(Enumerable.Range(0, files)
            .Select(i => (JsonNode)new JsonObject { ["fieldName"] = $"shot{i}", ["fileName"] = $"shot{i}.png", ["base64"] = base64 }).ToArray()),
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    // (.NET's JSON writer would escape each '+' as \u002B by default: 72 MiB, over the limit. Written as is, 66.7 MiB.)
    base64 = null;
    var workers = new List<string>();
    for (var i = 0; i < atOnce; i++) workers.Add(await SignIn());
    using var client = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
    async Task<string> SubmitAsync(string worker, byte[] json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks/submit") { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", worker);
        try
        {
            using var response = await client.SendAsync(request);
            return response.IsSuccessStatusCode ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
                : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        catch (HttpRequestException ex)
        {
            return $"no answer ({ex.InnerException?.Message ?? ex.Message})";
        }
    }
    // One small submission first: the job and the route are ready.
    var small = System.Text.Encoding.UTF8.GetBytes(new JsonObject
    {
        ["job_id"] = jobId, ["job_proof"] = "one screenshot",
        ["proof_files_base64"] = new JsonArray(new JsonObject { ["fieldName"] = "shot0", ["fileName"] = "shot0.png", ["base64"] = Convert.ToBase64String(png, 0, 64 * 1024) }),
    }.ToJsonString());
    Console.WriteLine($"a small submission first: {await SubmitAsync(workers[0], small)}");

    var tasks = Directory.GetDirectories("/proc").Select(d => Path.GetFileName(d)).Where(d => d.All(char.IsAsciiDigit))
        .FirstOrDefault(pid => ReadText($"/proc/{pid}/cmdline").Contains("Tasks.Api/bin/", StringComparison.Ordinal));
    var before = tasks is null ? 0 : Kilobytes(tasks, "VmRSS");
    if (tasks is not null) File.WriteAllText($"/proc/{tasks}/clear_refs", "5");
    var started = Stopwatch.StartNew();
    var answers = await Task.WhenAll(workers.Select(async worker => (Answer: await SubmitAsync(worker, body), Took: started.Elapsed)));
    var peak = tasks is null ? 0 : Kilobytes(tasks, "VmHWM");
    Console.WriteLine();
    Console.WriteLine($"POST /api/v1/tasks/submit, {atOnce} at once with {files} proof files of {fileBytes / 1024 / 1024} MiB each ({body.Length / 1024.0 / 1024:F1} MiB of JSON): " +
        $"{string.Join(", ", answers.Select(a => $"{a.Answer} in {a.Took.TotalSeconds:F1} s"))}");
    Console.WriteLine(tasks is null
        ? "Tasks process not found: peak memory not measured"
        : $"Tasks process: resident {before / 1024.0:F1} MiB before, peak {peak / 1024.0:F1} MiB during the submissions: +{(peak - before) / 1024.0:F1} MiB " +
          "(target: well under the 512 MiB limit of its pod)");
}

// 200 sign-ups at once through the gateway (each from a new address as far as Identity's budget goes: the benchmark
// raises it): how many are taken and how many told to come back (429), how long it takes, and how far Identity's
// resident memory rises (its peak, VmHWM, reset before). Each Argon2id hash holds 19 MiB while it runs; Identity hashes
// Identity__Limits__ConcurrentPasswordHashes (the cores) at a time and lets Identity__Limits__QueuedPasswordHashes wait.
async Task MeasureSignUps()
{
    const int signUps = 200;
    var identity = Directory.GetDirectories("/proc").Select(d => Path.GetFileName(d)).Where(d => d.All(char.IsAsciiDigit))
        .FirstOrDefault(pid => ReadText($"/proc/{pid}/cmdline").Contains("Identity.Api/bin/", StringComparison.Ordinal));
    var before = identity is null ? 0 : Kilobytes(identity, "VmRSS");
    if (identity is not null) File.WriteAllText($"/proc/{identity}/clear_refs", "5");
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = signUps }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
    var started = Stopwatch.StartNew();
    var answers = await Task.WhenAll(Enumerable.Range(0, signUps).Select(i => client.PostAsJsonAsync("/api/v1/auth/register", new
    {
        email = $"flood-{i}-{Guid.NewGuid():N}@example.com", password = "correct horse battery", name = "Flood", country = "US",
    })));
    var took = started.Elapsed;
    var peak = identity is null ? 0 : Kilobytes(identity, "VmHWM");
    Console.WriteLine();
    Console.WriteLine($"POST /api/v1/auth/register, {signUps} at once: {answers.Count(a => a.StatusCode == System.Net.HttpStatusCode.Created)} created, " +
        $"{answers.Count(a => (int)a.StatusCode == 429)} told to come back (429), {answers.Count(a => (int)a.StatusCode >= 500)} failed (5xx), in {took.TotalSeconds:F1} s");
    Console.WriteLine(identity is null
        ? "Identity process not found: peak memory not measured"
        : $"Identity process: resident {before / 1024.0:F1} MiB before, peak {peak / 1024.0:F1} MiB during the sign-ups: +{(peak - before) / 1024.0:F1} MiB " +
          $"(unbounded, {signUps} hashes at once would hold {signUps * 19} MiB)");
}

// Devices: 50 phones of one owner registered and signed in with their own credentials. Heartbeats (route 50) through
// the gateway, each request from a random phone; then assignment throughput: the owner's automation job with
// --assignments planned tasks, and the 50 phones polling (route 51) and completing (route 52) as fast as they can:
// planned tasks assigned and completed per second, from the plan to the last completion.
async Task MeasureDevices()
{
    const int phones = 50;
    // The benchmark's user (funded above) owns the phones and posts the job: its own phones run it.
    using var owner = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
    owner.DefaultRequestHeaders.Authorization = http.DefaultRequestHeaders.Authorization;
    Console.WriteLine($"registering {phones} phones...");
    var devices = new List<(string Id, string Token)>();
    foreach (var _ in Enumerable.Range(0, phones))
    {
        var registered = await owner.PostAsJsonAsync("/api/v1/devices/register", new
        {
            brand = "Bench", model = "Phone", country = "US", isEmulator = true, networkType = "wifi", numberOfCores = 8, ramMb = 4096, processor = "bench",
            sdkVersion = "34", version = "14",
        });
        var device = (await registered.Content.ReadFromJsonAsync<JsonObject>())!;
        devices.Add((device["remote_device_id"]!.GetValue<string>(), await DeviceToken(device["remote_device_id"]!.GetValue<string>(), device["device_secret"]!.GetValue<string>())));
    }
    using var phonesHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
    HttpRequestMessage As(string token, HttpMethod method, string path, object? body = null)
    {
        var message = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return message;
    }
    foreach (var (_, deviceToken) in devices) (await phonesHttp.SendAsync(As(deviceToken, HttpMethod.Post, "/api/v1/agent/heartbeat"))).EnsureSuccessStatusCode();

    await WaitUntilQuiet();
    Func<Uri, HttpRequestMessage> heartbeat = _ => As(devices[Random.Shared.Next(devices.Count)].Token, HttpMethod.Post, "/api/v1/agent/heartbeat");
    await Measure(gateway, heartbeat, Math.Max(2, seconds / 2), phonesHttp);
    var beats = Stats.Of(await Measure(gateway, heartbeat, seconds, phonesHttp), await Measure(gateway, heartbeat, seconds, phonesHttp));

    var automation = await owner.PostAsJsonAsync("/api/v1/automations", new { name = "Bench" });
    var automationId = (await automation.Content.ReadFromJsonAsync<JsonObject>())!["automation_id"]!.GetValue<string>();
    var job = NewJob();
    job["positions"] = assignments;
    job["job_price"] = 0.01;
    job["job_type"] = "devices_automation";
    job["automation_id"] = automationId;
    var jobId = await PostJobAsync(job);
    await WaitUntilTasksKnowsAsync(jobId);
    await WaitUntilQuiet();

    var done = 0;
    var errors = 0;
    var clock = Stopwatch.StartNew();
    (await owner.PostAsJsonAsync($"/api/v1/jobs/{jobId}/planned-tasks",
        new { inputs = Enumerable.Range(0, assignments).Select(i => $"{{\"n\":{i}}}").ToArray() })).EnsureSuccessStatusCode();
    var planned = clock.Elapsed;
    using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(10));
    await Task.WhenAll(devices.Select(async device =>
    {
        while (Volatile.Read(ref done) < assignments && !stop.IsCancellationRequested)
        {
            using var poll = await phonesHttp.SendAsync(As(device.Token, HttpMethod.Get, "/api/v1/agent/assignment"));
            if (poll.StatusCode != HttpStatusCode.OK)
            {
                if (poll.StatusCode != HttpStatusCode.NoContent) Interlocked.Increment(ref errors);
                await Task.Delay(50);
                continue;
            }
            var work = (await poll.Content.ReadFromJsonAsync<JsonObject>())!;
            using var complete = await phonesHttp.SendAsync(As(work["task_token"]!["access_token"]!.GetValue<string>(), HttpMethod.Post,
                "/api/v1/agent/assignment/complete", new { status = "pending", job_proof = "bench" }));
            if (complete.IsSuccessStatusCode) Interlocked.Increment(ref done);
            else Interlocked.Increment(ref errors);
        }
    }));
    var elapsed = clock.Elapsed;

    Console.WriteLine();
    Console.WriteLine($"{"devices (through the gateway)",-34} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
    Console.WriteLine($"{"POST /api/v1/agent/heartbeat",-34} {beats.Rps,9:F0} {beats.P50,8:F2} {beats.P99,8:F2} {beats.Errors,7}");
    Console.WriteLine($"assignment: {done} planned tasks assigned, run and completed by {phones} phones in {elapsed.TotalSeconds:F1} s: " +
        $"{done / elapsed.TotalSeconds:F0} tasks/s (planning them took {planned.TotalSeconds:F1} s; {errors} errors)");
}

Task MeasureProxy() => new ProxyBench(gateway, socksPort, new Uri($"ws://127.0.0.1:{tunnelPort}/tunnel"),
    $"Host=127.0.0.1;Port={clickHousePort};Protocol=http;Username=default", (long)proxyMiB << 20, Option("--connects", 500), Option("--swaps", 100),
    Option("--log-rows", 1_000_000)).RunAsync();

async Task<string> DeviceToken(string deviceId, string secret)
{
    for (var attempt = 0; ; attempt++)
    {
        var response = await http.PostAsync(new Uri(gateway, "/api/v1/auth/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = deviceId, ["client_secret"] = secret,
        }));
        if (response.IsSuccessStatusCode) return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        if (attempt > 100) throw new InvalidOperationException($"The phone {deviceId} could not sign in: {await response.Content.ReadAsStringAsync()}");
        await Task.Delay(100);
    }
}

static string ReadText(string path)
{
    try { return File.ReadAllText(path); } catch (IOException) { return string.Empty; } catch (UnauthorizedAccessException) { return string.Empty; }
}

// Each scenario starts on a quiet machine: the events of the one before (a create stage leaves Tasks tens of thousands
// of JobCreated to digest) are handled first, so a scenario is not measured against the last one's backlog.
static async Task WaitUntilQuiet()
{
    var waited = Stopwatch.StartNew();
    var (busy, total) = CpuTimes();
    for (var quiet = 0; quiet < 2 && waited.Elapsed < TimeSpan.FromMinutes(3);)
    {
        await Task.Delay(1000);
        var (nowBusy, nowTotal) = CpuTimes();
        var use = (double)(nowBusy - busy) / Math.Max(1, nowTotal - total);
        (busy, total) = (nowBusy, nowTotal);
        quiet = use < 0.10 ? quiet + 1 : 0;
    }
    if (waited.Elapsed > TimeSpan.FromSeconds(3)) Console.WriteLine($"(waited {waited.Elapsed.TotalSeconds:F0} s for the machine to go quiet)");
}

// The machine's busy and total CPU time so far (the first line of /proc/stat; idle and iowait are not busy).
static (long Busy, long Total) CpuTimes()
{
    var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
    var total = fields.Sum();
    return (total - fields[3] - fields[4], total);
}

static long Kilobytes(string pid, string field) =>
    ReadText($"/proc/{pid}/status").Split('\n').Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();

async Task<Run> Measure(Uri origin, Func<Uri, HttpRequestMessage> request, int duration, HttpClient? client = null)
{
    client ??= http;
    var latencies = new List<double>[concurrency];
    var errors = 0;
    var until = Stopwatch.GetTimestamp() + (long)(duration * Stopwatch.Frequency);
    var wall = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        var mine = latencies[worker] = new List<double>(10_000);
        while (Stopwatch.GetTimestamp() < until)
        {
            using var message = request(origin);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(message);
            await response.Content.LoadIntoBufferAsync();
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
        }
    }));
    return new Run(latencies.SelectMany(l => l).ToArray(), wall.Elapsed.TotalSeconds, errors);
}

JsonObject NewJob() => new()
{
    ["title"] = $"Benchmark job {Guid.NewGuid():N}",
    ["category"] = "Other",
    ["description"] = "A job posted by the benchmark.",
    ["proof"] = "none",
    ["duration"] = 7,
    ["positions"] = 10,
    ["job_price"] = Math.Round(Random.Shared.NextDouble() * 5 + 0.01, 2),
};

async Task<string> SignIn()
{
    var register = await http.PostAsJsonAsync(new Uri(gateway, "/api/v1/auth/register"),
        new { email = $"bench-{Guid.NewGuid():N}@example.com", password = "benchmark password", name = "Bench", country = "US" });
    var client = (await register.Content.ReadFromJsonAsync<JsonObject>())!;
    var tokenResponse = await http.PostAsync(new Uri(gateway, "/api/v1/auth/token"), new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = client["client_id"]!.GetValue<string>(),
        ["client_secret"] = client["client_secret"]!.GetValue<string>(),
    }));
    return (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
}

async Task WaitReady()
{
    for (var i = 0; i < 480; i++)
    {
        try
        {
            var jobs = await http.GetAsync(new Uri(gateway, "/api/v1/jobs"));
            var token = await http.PostAsync(new Uri(gateway, "/api/v1/auth/token"), new FormUrlEncodedContent(new Dictionary<string, string>()));
            if (jobs.StatusCode == HttpStatusCode.Unauthorized && token.StatusCode == HttpStatusCode.BadRequest) return;
        }
        catch (HttpRequestException)
        {
        }
        await Task.Delay(500);
    }
    throw new TimeoutException("The platform did not become ready.");
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

internal sealed record Run(double[] LatenciesMs, double Seconds, int Errors);

internal sealed record Stats(double Rps, double P50, double P99, int Errors)
{
    public static Stats Of(params Run[] runs)
    {
        var all = runs.SelectMany(r => r.LatenciesMs).Order().ToArray();
        return new Stats(all.Length / runs.Sum(r => r.Seconds), Percentile(all, 0.50), Percentile(all, 0.99), runs.Sum(r => r.Errors));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
