using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Device automation end to end: an owner's three simulated phones (the device-agent simulator, as a process) run an
/// employer's automation job of 20 planned tasks, one pinned by the device's name; each phone runs one task at a
/// time, dumping a record of each run (with a file) into a sink job of the same automation; the employer reviews the
/// results, the owner is paid their share, and both kinds of bucket read back.
/// </summary>
[Collection(RunningPlatformCollection.Name)]
public sealed class DeviceAutomationTests(RunningPlatform running, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Three_simulated_phones_run_an_automation_jobs_twenty_tasks_one_at_a_time_and_are_paid()
    {
        var platform = running.Platform;
        var owner = await platform.RegisterAsync("Phone Farmer", "BR");
        var employer = await platform.RegisterAsync("Automation Ann");
        await employer.DepositAsync(10m);
        await using var agents = DeviceAgentSimulator.Start(platform, owner, devices: 3, taskSeconds: 0.2,
            Path.Combine(platform.DataDirectory, $"agents-{Guid.NewGuid():N}.json"));

        JsonArray devices = [];
        await Eventually.HoldsAsync(async () =>
        {
            devices = (await owner.Client.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!;
            return devices.Count == 3 && devices.All(d => d!["online"]!.GetValue<bool>() && d["is_onMarket"]!.GetValue<bool>());
        }, "the simulator's three phones are online on the market", TimeSpan.FromSeconds(60));

        var automation = await employer.Client.PostAsJsonAsync("/api/v1/automations", new JsonObject
        {
            ["name"] = "Echo", ["bucket_schema"] = new JsonObject { ["fields"] = new JsonArray(new JsonObject { ["name"] = "runs", ["type"] = "number", ["required"] = false }) },
        });
        var automationId = (await automation.Content.ReadFromJsonAsync<JsonObject>())!["automation_id"]!.GetValue<string>();
        // A sink of the same automation (no planned tasks): the phones dump a record of each run into it (route 11's data-dump mode).
        var sinkId = await PostJobAsync(employer, new JsonObject
        {
            ["title"] = "Echo records", ["category"] = "Other", ["description"] = "d", ["proof"] = "p", ["duration"] = 1, ["positions"] = 1,
            ["job_price"] = 0.01, ["job_type"] = "devices_automation", ["automation_id"] = automationId,
        });
        var jobId = await PostJobAsync(employer, new JsonObject
        {
            ["title"] = "Echo twenty inputs", ["category"] = "Other", ["description"] = "d", ["proof"] = "p", ["duration"] = 1, ["positions"] = 20,
            ["job_price"] = 0.1, ["job_type"] = "devices_automation", ["automation_id"] = automationId,
            ["automationParameters"] = new JsonObject { ["dumpTo"] = sinkId },
        });
        var pinnedName = devices[0]!["name"]!.GetValue<string>();
        var pinnedId = devices[0]!["remote_device_id"]!.GetValue<string>();

        await PlanAsync(employer, jobId, new JsonObject { ["inputs"] = Inputs(19, "free") });
        var pinned = await PlanAsync(employer, jobId, new JsonObject { ["inputs"] = Inputs(1, "pinned"), ["device_name"] = pinnedName });
        var pinnedPlanned = pinned["inserted_ids"]![0]!["planned_task_id"]!.GetValue<string>();

        JsonArray tasks = [];
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                tasks = (await employer.Client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}/applicants?limit=100"))!["job_tasks"]!.AsArray();
                return tasks.Count == 20 && tasks.All(t => t!["status"]!.GetValue<string>() == "pending");
            }, "all twenty ran and wait for review", TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException ex)
        {
            var statuses = string.Join(", ", tasks.GroupBy(t => t!["status"]!.GetValue<string>()).Select(g => $"{g.Count()} {g.Key}"));
            throw new TimeoutException($"{ex.Message} Tasks: {tasks.Count} ({statuses}). The simulator said:\n{string.Join('\n', agents.Lines.TakeLast(40))}", ex);
        }

        tasks.Select(t => t!["planned_task_id"]!.GetValue<string>()).Should().OnlyHaveUniqueItems("each planned task ran once");
        tasks.Single(t => t!["planned_task_id"]!.GetValue<string>() == pinnedPlanned)!["remote_device_id"]!.GetValue<string>().Should().Be(pinnedId);
        tasks.Should().OnlyContain(t => t!["job_proof"]!.GetValue<string>().StartsWith("echo: ", StringComparison.Ordinal));
        foreach (var device in tasks.GroupBy(t => t!["remote_device_id"]!.GetValue<string>()))
        {
            var runs = device.Select(t => (Added: t!["added"]!.GetValue<DateTime>(), Updated: t["updated"]!.GetValue<DateTime>())).OrderBy(r => r.Added).ToList();
            runs.Zip(runs.Skip(1)).Should().OnlyContain(p => p.Second.Added >= p.First.Updated, $"device {device.Key} runs one task at a time");
        }

        var review = await employer.Client.PostAsJsonAsync("/api/v1/jobs/tasks/status", new JsonObject
        {
            ["JobTasks_Ids"] = new JsonArray(tasks.Select(t => (JsonNode)t!["job_task_id"]!.GetValue<string>()).ToArray()), ["status"] = "confirmed", ["job_id"] = jobId,
        });
        review.StatusCode.Should().Be(HttpStatusCode.OK, await review.Content.ReadAsStringAsync());
        await Eventually.HoldsAsync(async () => (await owner.BalanceAsync()).Active == 1.6m, "the owner is paid 80% of each task's 0.10");
        // The last task's commission and fee leave the job's hold just after its pay: the employer's balance settles a moment later.
        await Eventually.HoldsAsync(async () => await employer.BalanceAsync() == (7.8m, 7.789m, 0m),
            "20 × (0.10 + a 0.01 fee) spent of 10, and the sink's one position (0.011) held");

        // Each run left its record in the sink, with its file's URL in the record.
        var dumps = (await employer.Client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{sinkId}/applicants?limit=100"))!["job_tasks"]!.AsArray();
        dumps.Select(d => JsonNode.Parse(d!["job_proof"]!.GetValue<string>())!["task"]!.GetValue<string>())
            .Should().BeEquivalentTo(tasks.Select(t => t!["job_task_id"]!.GetValue<string>()), "one record per run, written while it ran");
        dumps.Should().OnlyContain(d => d!["status"]!.GetValue<string>() == "pending" && d["device_owner_share"] != null);
        var record = JsonNode.Parse(dumps[0]!["job_proof"]!.GetValue<string>())!;
        var log = await employer.Client.GetStringAsync(record["log"]!.GetValue<string>());
        log.Should().Be($"echo: {record["input"]!.GetValue<string>()}", "the file the phone attached, stored by Storage");

        // Buckets: each phone wrote its job bucket with its task token, and counts its runs in its device bucket.
        var buckets = (await employer.Client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}/buckets"))!["buckets"]!.AsArray();
        buckets.Select(b => b!["device_name"]!.GetValue<string>()).Should().BeSubsetOf(devices.Select(d => d!["name"]!.GetValue<string>()));
        buckets.Should().OnlyContain(b => b!["data"]!["lastInput"]!.GetValue<string>().Length > 0);
        var runsCounted = 0;
        foreach (var device in devices)
        {
            var bucket = await owner.Client.PostAsJsonAsync("/api/v1/device-bucket/read", new { remote_device_id = device!["remote_device_id"]!.GetValue<string>() });
            runsCounted += (await bucket.Content.ReadFromJsonAsync<JsonObject>())!["deviceBucket"]!["runs"]?.GetValue<int>() ?? 0;
        }
        runsCounted.Should().Be(20);

        var exit = await agents.StopAsync();
        foreach (var line in agents.Lines) output.WriteLine(line);
        exit.Should().Be(0, string.Join('\n', agents.Lines));
        agents.Lines.Should().NotContain(l => l.Contains("request failed", StringComparison.Ordinal), "no phone met an error");
        agents.Lines.Should().Contain(l => l.EndsWith("stopped", StringComparison.Ordinal));
    }

    private static async Task<string> PostJobAsync(User employer, JsonObject job)
    {
        var created = await employer.Client.PostAsJsonAsync("/api/v1/jobs", job);
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["job_id"]!.GetValue<string>();
    }

    private static JsonArray Inputs(int count, string tag) => new(Enumerable.Range(0, count).Select(i => (JsonNode)$"{{\"tag\":\"{tag}\",\"n\":{i}}}").ToArray());

    /// <summary>
    /// Route 13. A job posted a moment ago may not have reached Tasks yet (404), nor a device registered a moment ago
    /// (a pin by its name: 400 "No device is named"): each is asked again until Tasks has heard of it.
    /// </summary>
    private static async Task<JsonObject> PlanAsync(User employer, string jobId, JsonObject body)
    {
        HttpResponseMessage? response = null;
        await Eventually.HoldsAsync(async () =>
        {
            response = await employer.Client.PostAsJsonAsync($"/api/v1/jobs/{jobId}/planned-tasks", body.DeepClone());
            return response.StatusCode != HttpStatusCode.NotFound
                   && !(response.StatusCode == HttpStatusCode.BadRequest && (await response.Content.ReadAsStringAsync()).Contains("No device is named", StringComparison.Ordinal));
        }, "Tasks knows the job and the device");
        response!.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
