using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Application.Ids;
using Platform.Contracts.Jobs;
using Platform.Contracts.Tasks;

namespace Devices.Api.Tests;

/// <summary>Routes 35–41: job buckets (owner, shares, the running agent) and device buckets (merge, races, limits).</summary>
public sealed class BucketTests : DevicesApiTest
{
    private const string InvalidDeviceData = "Invalid data. Must be a non-null object.";

    private async Task<string> JobAsync(string? ownerId = null, AutomationInputSchema? bucketSchema = null)
    {
        var jobId = ObjectIds.New();
        await Api.DeliverAsync(new JobCreated
        {
            JobId = jobId, OwnerId = ownerId ?? OwnerId, Title = "t", Categories = ["Other"], JobType = "devices_automation", PaymentType = "action", JobPrice = 1,
            Positions = 5, DurationDays = 1, DailyLimit = 0, TargetWorkers = ["worldwide"], FewTimes = false, Premium = false, Featured = false, AutoRate = false,
            IsProofFile = false, Status = "active", Added = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(1), AutomationId = Guid.NewGuid().ToString(),
            BucketSchema = bucketSchema,
        });
        return jobId;
    }

    private Task ShareAsync(string jobId, string userId, string permission) => Api.DeliverAsync(new JobShared(jobId, OwnerId, userId, permission));

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string jobId, string deviceId, JsonNode? data) =>
        client.PutAsJsonAsync($"/api/v1/jobs/{jobId}/buckets/{deviceId}", new JsonObject { ["data"] = data });

    private static Task<HttpResponseMessage> MergeAsync(HttpClient client, JsonNode? data, string? deviceId = null) =>
        client.PostAsJsonAsync("/api/v1/device-bucket/merge", new JsonObject { ["remote_device_id"] = deviceId, ["data"] = data });

    private static async Task ExpectErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        (await JsonOf(response))["error"]!.GetValue<string>().Should().Be(error);
    }

    [Fact]
    public async Task The_owner_writes_reads_lists_and_deletes_a_jobs_buckets()
    {
        var jobId = await JobAsync();
        var (device, name, _) = await DevicesApi.RegisterAsync(Owner);
        var other = Guid.NewGuid().ToString();

        (await PutAsync(Owner, jobId, device, new JsonObject { ["sessionToken"] = "abc", ["loggedIn"] = true })).StatusCode.Should().Be(HttpStatusCode.OK);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var put = await PutAsync(Owner, jobId, other, new JsonObject { ["n"] = 1 });
        put.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonOf(put))["bucket"]!["data"]!["n"]!.GetValue<int>().Should().Be(1);

        var one = (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}/buckets/{device}"))!["bucket"]!;
        one["job_id"]!.GetValue<string>().Should().Be(jobId);
        one["remote_device_id"]!.GetValue<string>().Should().Be(device);
        one["data"]!["sessionToken"]!.GetValue<string>().Should().Be("abc");
        one["_id"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        var list = (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}/buckets"))!;
        list["buckets"]!.AsArray().Select(b => b!["remote_device_id"]!.GetValue<string>()).Should().Equal(other, device);
        list["buckets"]![1]!["device_name"]!.GetValue<string>().Should().Be(name);
        (list["total"]!.GetValue<int>(), list["page"]!.GetValue<int>(), list["pages"]!.GetValue<int>()).Should().Be((2, 1, 1));

        // Replacing is no merge.
        await PutAsync(Owner, jobId, device, new JsonObject { ["loggedIn"] = false });
        (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}/buckets/{device}"))!["bucket"]!["data"]!.AsObject().Select(p => p.Key)
            .Should().Equal("loggedIn");

        (await JsonOf(await Owner.DeleteAsync($"/api/v1/jobs/{jobId}/buckets/{device}")))["success"]!.GetValue<bool>().Should().BeTrue();
        await ExpectErrorAsync(await Owner.GetAsync($"/api/v1/jobs/{jobId}/buckets/{device}"), HttpStatusCode.NotFound, "Bucket not found");
        await ExpectErrorAsync(await Owner.DeleteAsync($"/api/v1/jobs/{jobId}/buckets/{device}"), HttpStatusCode.NotFound, "Bucket not found");
        var wiped = await JsonOf(await Owner.DeleteAsync($"/api/v1/jobs/{jobId}/buckets"));
        wiped["deleted"]!.GetValue<int>().Should().Be(1);
        (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}/buckets"))!["total"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task The_list_pages_by_20_and_caps_the_limit_at_100()
    {
        var jobId = await JobAsync();
        for (var i = 0; i < 105; i++) await PutAsync(Owner, jobId, Guid.NewGuid().ToString(), new JsonObject { ["i"] = i });

        var first = (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}/buckets"))!;
        var capped = (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}/buckets?limit=500&page=2"))!;

        first["buckets"]!.AsArray().Should().HaveCount(20);
        first["pages"]!.GetValue<int>().Should().Be(6);
        capped["buckets"]!.AsArray().Should().HaveCount(5);
        (await Owner.GetAsync($"/api/v1/jobs/{jobId}/buckets?limit=0")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Shares_read_with_view_and_write_with_edit_and_anyone_else_finds_no_job()
    {
        var jobId = await JobAsync();
        var device = Guid.NewGuid().ToString();
        await PutAsync(Owner, jobId, device, new JsonObject { ["a"] = 1 });
        var viewer = ObjectIds.New();
        var editor = ObjectIds.New();
        await ShareAsync(jobId, viewer, "view");
        await ShareAsync(jobId, editor, "edit");
        var stranger = Api.ClientFor(ObjectIds.New());

        (await Api.ClientFor(viewer).GetAsync($"/api/v1/jobs/{jobId}/buckets/{device}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await ExpectErrorAsync(await PutAsync(Api.ClientFor(viewer), jobId, device, new JsonObject()), HttpStatusCode.NotFound, "Job not found");
        await ExpectErrorAsync(await Api.ClientFor(viewer).DeleteAsync($"/api/v1/jobs/{jobId}/buckets"), HttpStatusCode.NotFound, "Job not found");
        (await PutAsync(Api.ClientFor(editor), jobId, device, new JsonObject { ["b"] = 2 })).StatusCode.Should().Be(HttpStatusCode.OK);
        await ExpectErrorAsync(await stranger.GetAsync($"/api/v1/jobs/{jobId}/buckets"), HttpStatusCode.NotFound, "Job not found");
        await ExpectErrorAsync(await stranger.GetAsync($"/api/v1/jobs/{jobId}/buckets/{device}"), HttpStatusCode.NotFound, "Bucket not found");
        await ExpectErrorAsync(await PutAsync(stranger, jobId, device, new JsonObject()), HttpStatusCode.NotFound, "Job not found");
        await ExpectErrorAsync(await stranger.DeleteAsync($"/api/v1/jobs/{jobId}/buckets/{device}"), HttpStatusCode.NotFound, "Job not found");
        await ExpectErrorAsync(await Owner.GetAsync($"/api/v1/jobs/{ObjectIds.New()}/buckets"), HttpStatusCode.NotFound, "Job not found");
    }

    /// <summary>Tells Devices that <paramref name="taskId"/> of <paramref name="employerId"/> runs on the device now (the one before it released).</summary>
    private async Task RunAsync(string device, string taskId, string employerId, string? previousTaskId = null)
    {
        if (previousTaskId is not null) await Api.DeliverAsync(new DeviceReleased(previousTaskId, "job", device, "pending"));
        await Api.DeliverAsync(new DeviceAssigned(taskId, ObjectIds.New(), employerId, "planned", device, OwnerId));
    }

    private static async Task<JsonObject> ReadAsync(HttpClient client, string? deviceId = null) =>
        (await JsonOf(await (deviceId is null
            ? client.PostAsync("/api/v1/device-bucket/read", null)
            : client.PostAsJsonAsync("/api/v1/device-bucket/read", new { remote_device_id = deviceId }))))["deviceBucket"]!.AsObject();

    [Fact]
    public async Task Each_employer_whose_automation_runs_on_a_market_device_gets_a_device_bucket_of_its_own()
    {
        var (device, _, _) = await DevicesApi.RegisterAsync(Owner);
        var (employerA, employerB) = (ObjectIds.New(), ObjectIds.New());

        await RunAsync(device, "task-a", employerA);
        await MergeAsync(Api.AgentClientFor(OwnerId, device, "task-a"), new JsonObject { ["session"] = "cookie-of-A" });
        await RunAsync(device, "task-b", employerB, previousTaskId: "task-a");
        var agentOfB = Api.AgentClientFor(OwnerId, device, "task-b");

        (await ReadAsync(agentOfB)).Should().BeEmpty("employer B's automation sees nothing employer A's stored");
        await MergeAsync(agentOfB, new JsonObject { ["session"] = "cookie-of-B" });
        (await ReadAsync(Api.ClientFor(employerB), device)).ToJsonString().Should().Be("""{"session":"cookie-of-B"}""");
        (await ReadAsync(Api.AgentClientFor(OwnerId, device))).Should().BeEmpty("the owner's own bucket holds neither employer's data");
        (await ReadAsync(Owner, device)).Should().BeEmpty();
        await ExpectErrorAsync(await Api.ClientFor(employerA).PostAsJsonAsync("/api/v1/device-bucket/read", new { remote_device_id = device }),
            HttpStatusCode.NotFound, "Device not found");
        await ExpectErrorAsync(await MergeAsync(Api.AgentClientFor(OwnerId, device, "task-a"), new JsonObject { ["x"] = 1 }),
            HttpStatusCode.NotFound, "Device not found");

        await RunAsync(device, "task-a2", employerA, previousTaskId: "task-b");
        (await ReadAsync(Api.AgentClientFor(OwnerId, device, "task-a2"))).ToJsonString().Should().Be("""{"session":"cookie-of-A"}""",
            "employer A's bucket on the device is still A's");
    }

    [Fact]
    public async Task The_owners_own_automations_share_one_device_bucket_with_the_owner()
    {
        var (device, _, _) = await DevicesApi.RegisterAsync(Owner);

        await RunAsync(device, "own-1", OwnerId);
        await MergeAsync(Api.AgentClientFor(OwnerId, device, "own-1"), new JsonObject { ["runs"] = 1 });
        await RunAsync(device, "own-2", OwnerId, previousTaskId: "own-1");

        (await ReadAsync(Api.AgentClientFor(OwnerId, device, "own-2"))).ToJsonString().Should().Be("""{"runs":1}""");
        (await ReadAsync(Api.AgentClientFor(OwnerId, device))).ToJsonString().Should().Be("""{"runs":1}""");
        (await ReadAsync(Owner, device)).ToJsonString().Should().Be("""{"runs":1}""");
    }

    [Theory]
    [InlineData("""{"data": [1]}""")]
    [InlineData("""{"data": null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"data": {"sessionToken": 5}}""")]
    [InlineData("""{"data": {"retries": 11}}""")]
    public async Task Data_that_is_no_object_or_breaks_the_bucket_schema_is_a_400(string body)
    {
        var schema = new AutomationInputSchema([new AutomationInputField("sessionToken", "string", false, null, null), new AutomationInputField("retries", "number", false, 0, 10)]);
        var jobId = await JobAsync(bucketSchema: schema);

        var response = await Owner.PutAsync($"/api/v1/jobs/{jobId}/buckets/{Guid.NewGuid()}", new StringContent(body, Encoding.UTF8, "application/json"));

        await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "Invalid bucket data");
        (await PutAsync(Owner, jobId, Guid.NewGuid().ToString(), new JsonObject { ["sessionToken"] = "x", ["extra"] = true })).StatusCode
            .Should().Be(HttpStatusCode.OK, "keys the schema doesn't declare are the automation's own");
    }

    [Fact]
    public async Task A_bucket_over_one_MiB_is_a_413_and_a_bad_device_id_a_400()
    {
        var jobId = await JobAsync();
        var big = new JsonObject { ["blob"] = new string('x', 1024 * 1024) };

        (await PutAsync(Owner, jobId, Guid.NewGuid().ToString(), big)).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await PutAsync(Owner, jobId, "not-a-device", new JsonObject())).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_running_agent_writes_its_jobs_bucket_for_its_device_with_its_task_token_only_while_the_task_runs()
    {
        var jobId = await JobAsync(ownerId: ObjectIds.New());
        var (device, _, _) = await DevicesApi.RegisterAsync(Owner);
        await Api.DeliverAsync(new DeviceAssigned("task-1", jobId, "employer", "planned", device, OwnerId));
        var taskAgent = Api.AgentClientFor(OwnerId, device, "task-1");

        (await PutAsync(taskAgent, jobId, device, new JsonObject { ["step"] = 1 })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await taskAgent.GetAsync($"/api/v1/jobs/{jobId}/buckets/{device}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await ExpectErrorAsync(await PutAsync(taskAgent, jobId, Guid.NewGuid().ToString(), new JsonObject()), HttpStatusCode.NotFound, "Job not found");
        await ExpectErrorAsync(await PutAsync(Api.AgentClientFor(OwnerId, device), jobId, device, new JsonObject()), HttpStatusCode.NotFound, "Job not found");
        await ExpectErrorAsync(await PutAsync(Api.AgentClientFor(OwnerId, device, "task-2"), jobId, device, new JsonObject()), HttpStatusCode.NotFound, "Job not found");
        await ExpectErrorAsync(await taskAgent.GetAsync($"/api/v1/jobs/{jobId}/buckets"), HttpStatusCode.NotFound, "Job not found");

        await Api.DeliverAsync(new DeviceReleased("task-1", jobId, device, "pending"));
        await ExpectErrorAsync(await PutAsync(taskAgent, jobId, device, new JsonObject()), HttpStatusCode.NotFound, "Job not found");
    }

    [Fact]
    public async Task A_device_bucket_is_empty_at_first_and_merges_top_level_keys()
    {
        var (device, _, _) = await DevicesApi.RegisterAsync(Owner);
        var agent = Api.AgentClientFor(OwnerId, device);

        var first = await agent.PostAsync("/api/v1/device-bucket/read", null);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonOf(first))["deviceBucket"]!.AsObject().Should().BeEmpty();
        await MergeAsync(agent, new JsonObject { ["accountToken"] = "xyz", ["n"] = 1 });
        var merged = await JsonOf(await MergeAsync(agent, new JsonObject { ["username"] = "user@example.com", ["n"] = 2 }));

        merged["success"]!.GetValue<bool>().Should().BeTrue();
        merged["deviceBucket"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("accountToken", "username", "n");
        merged["deviceBucket"]!["n"]!.GetValue<int>().Should().Be(2);
        var asOwner = await JsonOf(await Owner.PostAsJsonAsync("/api/v1/device-bucket/read", new { remote_device_id = device }));
        asOwner["deviceBucket"]!["username"]!.GetValue<string>().Should().Be("user@example.com");
    }

    [Fact]
    public async Task Fifty_merges_of_different_keys_at_once_all_survive()
    {
        var (device, _, _) = await DevicesApi.RegisterAsync(Owner);
        var agent = Api.AgentClientFor(OwnerId, device);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => MergeAsync(agent, new JsonObject { [$"key{i}"] = i })));

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK);
        var bucket = (await JsonOf(await agent.PostAsync("/api/v1/device-bucket/read", null)))["deviceBucket"]!.AsObject();
        bucket.Select(p => p.Key).Should().BeEquivalentTo(Enumerable.Range(0, 50).Select(i => $"key{i}"));
    }

    [Fact]
    public async Task A_device_bucket_needs_a_device_the_caller_owns_or_runs_a_task_on()
    {
        var (device, _, _) = await DevicesApi.RegisterAsync(Owner);
        var employerId = ObjectIds.New();
        var employer = Api.ClientFor(employerId);

        await ExpectErrorAsync(await Owner.PostAsJsonAsync("/api/v1/device-bucket/read", new { }), HttpStatusCode.BadRequest,
            "Device bucket requires a device context (remote_device_id)");
        await ExpectErrorAsync(await Owner.PostAsync("/api/v1/device-bucket/read", null), HttpStatusCode.BadRequest,
            "Device bucket requires a device context (remote_device_id)");
        await ExpectErrorAsync(await MergeAsync(Owner, new JsonObject { ["a"] = 1 }), HttpStatusCode.BadRequest,
            "Device bucket requires a device context (remote_device_id)");
        await ExpectErrorAsync(await employer.PostAsJsonAsync("/api/v1/device-bucket/read", new { remote_device_id = device }), HttpStatusCode.NotFound,
            "Device not found");
        await ExpectErrorAsync(await Owner.PostAsJsonAsync("/api/v1/device-bucket/read", new { remote_device_id = "nope" }), HttpStatusCode.NotFound,
            "Device not found");

        // The employer whose task the device runs may use its bucket while it runs.
        await Api.DeliverAsync(new DeviceAssigned("task-9", ObjectIds.New(), employerId, "planned", device, OwnerId));
        (await employer.PostAsJsonAsync("/api/v1/device-bucket/read", new { remote_device_id = device })).StatusCode.Should().Be(HttpStatusCode.OK,
            "the employer reads the bucket of the device running their task");
    }

    [Theory]
    [InlineData("""{"data": [1]}""")]
    [InlineData("""{"data": null}""")]
    [InlineData("""{"data": "x"}""")]
    [InlineData("""{}""")]
    public async Task Merging_anything_but_an_object_is_a_400(string body)
    {
        var (device, _, _) = await DevicesApi.RegisterAsync(Owner);

        var response = await Api.AgentClientFor(OwnerId, device).PostAsync("/api/v1/device-bucket/merge", new StringContent(body, Encoding.UTF8, "application/json"));

        await ExpectErrorAsync(response, HttpStatusCode.BadRequest, InvalidDeviceData);
    }

    [Fact]
    public async Task A_merge_that_would_pass_one_MiB_is_a_413_and_keeps_the_bucket()
    {
        var (device, _, _) = await DevicesApi.RegisterAsync(Owner);
        var agent = Api.AgentClientFor(OwnerId, device);
        await MergeAsync(agent, new JsonObject { ["a"] = new string('a', 600 * 1024) });

        var response = await MergeAsync(agent, new JsonObject { ["b"] = new string('b', 600 * 1024) });

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await JsonOf(await agent.PostAsync("/api/v1/device-bucket/read", null)))["deviceBucket"]!.AsObject().Select(p => p.Key).Should().Equal("a");
    }
}
