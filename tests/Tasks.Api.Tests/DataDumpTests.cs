using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Jobs;
using Platform.Contracts.Tasks;
using Platform.Testing;
using Tasks.Application.Tasks;

namespace Tasks.Api.Tests;

/// <summary>
/// Route 11's automation data-dump mode: an agent running a task of one job writes JSON records (and files) into a sink
/// job of the same automation; who may, what the record becomes, and every refusal.
/// </summary>
public sealed class DataDumpTests(TasksApi api) : IClassFixture<TasksApi>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private readonly string _employer = TasksApi.NewId();
    private readonly string _deviceOwner = TasksApi.NewId();
    private readonly string _automation = Guid.NewGuid().ToString();
    private HttpClient Employer => api.ClientFor(_employer);

    private Task<string> AutomationJobAsync(string? ownerId = null, string? automation = null, int positions = 1) =>
        api.PostJobAsync(ownerId ?? _employer, j => j with
        {
            JobType = "devices_automation", AutomationId = automation ?? _automation, Positions = positions, JobPrice = 0.25m,
        });

    /// <summary>
    /// A runner job with one planned task, run by another owner's market phone: returns the agent's task-scoped client
    /// (a running agent), its plain device client, and the device and running task ids.
    /// </summary>
    private async Task<(HttpClient Running, HttpClient Device, string DeviceId, string RunningTaskId)> RunningAgentAsync(string? runnerOwner = null)
    {
        var runner = await AutomationJobAsync(runnerOwner);
        var deviceId = Guid.NewGuid().ToString();
        await api.PublishDeviceAsync(deviceId, _deviceOwner, 1, onMarket: true, automations: [_automation]);
        var planned = await api.ClientFor(runnerOwner ?? _employer).PostAsJsonAsync($"/api/v1/jobs/{runner}/planned-tasks",
            new JsonObject { ["inputs"] = new JsonArray("in"), ["remote_device_id"] = deviceId });
        planned.StatusCode.Should().Be(HttpStatusCode.OK, await planned.Content.ReadAsStringAsync());
        var device = api.AgentClientFor(_deviceOwner, deviceId);
        JsonObject? assignment = null;
        await Eventually.HoldsAsync(async () =>
        {
            var response = await device.GetAsync("/api/v1/agent/assignment");
            if (response.StatusCode == HttpStatusCode.OK) assignment = await response.Content.ReadFromJsonAsync<JsonObject>();
            return assignment is not null;
        }, "the phone runs the runner's task");
        return (api.ClientWithToken(assignment!["task_token"]!["access_token"]!.GetValue<string>()), device, deviceId,
            assignment["job_task_id"]!.GetValue<string>());
    }

    private static Task<HttpResponseMessage> DumpAsync(HttpClient client, string jobId, string proof, JsonArray? files = null, string? status = null) =>
        client.PostAsJsonAsync("/api/v1/tasks/submit", new JsonObject { ["job_id"] = jobId, ["job_proof"] = proof, ["files"] = files, ["status"] = status });

    private static JsonObject File(string name, byte[] bytes, string? extension = ".png") =>
        new() { ["name"] = name, ["extension"] = extension, ["base64Data"] = Convert.ToBase64String(bytes) };

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>();

    private static async Task<string> CreatedTaskAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["job_task_id"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_running_agent_dumps_json_and_a_file_into_the_sink_as_a_pending_task_of_its_owner_on_its_device()
    {
        var sink = await AutomationJobAsync(positions: 1);
        // Tasks knows the employer's address, so a completion email would be sent if the mode sent one.
        await api.KnowUserAsync(_employer, "Sink Owner", "US");
        var agent = await RunningAgentAsync();

        var taskId = await CreatedTaskAsync(await DumpAsync(agent.Running, sink, """{"email":"found@example.com","score":7,"city":"São Paulo"}""",
            new JsonArray(File("screenshot", Png))));

        var task = await TasksApi.TaskAsync(Employer, taskId);
        task["job_id"]!.GetValue<string>().Should().Be(sink);
        task["status"]!.GetValue<string>().Should().Be("pending");
        task["worker_id"]!.GetValue<string>().Should().Be(_deviceOwner, "the device's owner does the task");
        task["remote_device_id"]!.GetValue<string>().Should().Be(agent.DeviceId);
        task["device_owner_share"]!.GetValue<decimal>().Should().Be(0.2m, "80% of the sink's 0.25, the device being another owner's");
        var proof = JsonNode.Parse(task["job_proof"]!.GetValue<string>())!;
        proof["email"]!.GetValue<string>().Should().Be("found@example.com");
        task["job_proof"]!.GetValue<string>().Should().Contain("São Paulo", "the record keeps its text as written");
        var url = proof["screenshot"]!.GetValue<string>();
        url.Should().Be($"/api/v1/tasks/{taskId}/files/screenshot");
        var download = await Employer.GetAsync(url);
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(Png);
        download.Content.Headers.ContentType!.MediaType.Should().Be("image/png");

        var applied = await api.PublishedAsync<TaskApplied>(e => e.TaskId == taskId);
        applied.Status.Should().Be("pending");
        applied.RemoteDeviceId.Should().Be(agent.DeviceId);
        (await api.PublishedAsync<TaskSubmitted>(e => e.TaskId == taskId)).Amount.Should().Be(0.2m, "the owner's share waits in their pending earnings");
        (await TasksApi.TaskAsync(Employer, agent.RunningTaskId))["status"]!.GetValue<string>().Should().Be("running", "the agent's own task goes on");
        api.Mails.Should().NotContain(m => m.To == $"{_employer}@example.com", "a data dump sends no email");
    }

    [Fact]
    public async Task Dumps_skip_the_positions_limit_take_the_agents_status_and_go_in_one_at_a_time_or_all_at_once()
    {
        var sink = await AutomationJobAsync(positions: 1);
        var agent = await RunningAgentAsync();

        var failed = await CreatedTaskAsync(await DumpAsync(agent.Running, sink, "[1,2,3]", status: "failed"));
        var declined = await CreatedTaskAsync(await DumpAsync(agent.Running, sink, "\"just text\"", status: "declined"));
        // Twenty at once, on a sink of one position: every one is its own record.
        var raced = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => DumpAsync(agent.Running, sink, $$"""{"n":{{i}}}""")));
        var ids = new List<string>();
        foreach (var response in raced) ids.Add(await CreatedTaskAsync(response));

        ids.Should().OnlyHaveUniqueItems();
        (await TasksApi.TaskAsync(Employer, failed))["status"]!.GetValue<string>().Should().Be("failed");
        (await TasksApi.TaskAsync(Employer, declined))["status"]!.GetValue<string>().Should().Be("declined");
        (await api.PublishedAsync<TaskApplied>(e => e.TaskId == declined)).Status.Should().Be("declined");
        var applicants = await Employer.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{sink}/applicants?limit=100");
        applicants!["job_tasks"]!.AsArray().Select(t => JsonNode.Parse(t!["job_proof"]!.GetValue<string>()) is JsonObject o ? o["n"]?.GetValue<int>() : null)
            .Where(n => n is not null).Should().BeEquivalentTo(Enumerable.Range(0, 20).Select(i => (int?)i));

        // The employer reviews dumps like any task: confirming one pays the device owner's share.
        (await TasksApi.ReviewAsync(Employer, sink, "confirmed", ids[0])).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.PublishedAsync<TaskConfirmed>(e => e.TaskId == ids[0])).DeviceOwnerShare.Should().Be(0.2m);
    }

    [Fact]
    public async Task A_dump_past_the_owners_storage_quota_is_a_413_with_storages_reason_and_keeps_nothing()
    {
        var sink = await AutomationJobAsync(positions: 1);
        var agent = await RunningAgentAsync();
        api.ProofFiles.QuotaFiles = api.ProofFiles.Names.Count + 1;
        try
        {
            var kept = api.ProofFiles.Names.Count;

            var refused = await DumpAsync(agent.Running, sink, "{}", new JsonArray(File("first", Png), File("second", Png)));

            refused.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
            (await ErrorOf(refused)).Should().Be(InMemoryProofFileStore.QuotaReached);
            api.ProofFiles.Names.Count.Should().Be(kept, "the file stored before the refusal was deleted");
            ((await Employer.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{sink}/applicants"))!["job_tasks"]!.AsArray()).Should().BeEmpty("no task was made");
        }
        finally
        {
            api.ProofFiles.QuotaFiles = null;
        }
    }

    [Fact]
    public async Task A_sink_shared_with_the_running_jobs_employer_takes_dumps_and_an_unshared_one_is_a_403()
    {
        var sinkOwner = TasksApi.NewId();
        var shared = await AutomationJobAsync(sinkOwner);
        var unshared = await AutomationJobAsync(sinkOwner);
        await api.PublishJobEventAsync(new JobShared(shared, sinkOwner, _employer, "view"), shared, j => j.Shares.ContainsKey(_employer));
        var agent = await RunningAgentAsync();

        await CreatedTaskAsync(await DumpAsync(agent.Running, shared, "{}"));
        var refused = await DumpAsync(agent.Running, unshared, "{}");

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(refused)).Should().Be(DataDumps.NoAccess);
    }

    [Fact]
    public async Task Only_a_running_agent_of_the_same_automation_may_dump()
    {
        var sink = await AutomationJobAsync();
        var otherAutomationSink = await AutomationJobAsync(automation: Guid.NewGuid().ToString());
        var agent = await RunningAgentAsync();

        var asUser = await DumpAsync(api.ClientFor(_deviceOwner), sink, "{}");
        var asDevice = await DumpAsync(agent.Device, sink, "{}");
        var otherAutomation = await DumpAsync(agent.Running, otherAutomationSink, "{}");
        var unknownJob = await DumpAsync(agent.Running, TasksApi.NewId(), "{}");

        asUser.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(asUser)).Should().Be(DataDumps.NotRunningAgent);
        asDevice.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a device's own token carries no running task");
        (await ErrorOf(asDevice)).Should().Be(DataDumps.NotRunningAgent);
        otherAutomation.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(otherAutomation)).Should().Be(DataDumps.OtherAutomation);
        unknownJob.StatusCode.Should().Be(HttpStatusCode.NotFound);

        // Once its task is done, the agent's task token no longer writes.
        var done = await agent.Running.PostAsJsonAsync("/api/v1/agent/assignment/complete", new { status = "pending", job_proof = "ok" });
        done.StatusCode.Should().Be(HttpStatusCode.OK);
        var afterwards = await DumpAsync(agent.Running, sink, "{}");
        afterwards.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(afterwards)).Should().Be(DataDumps.NoRunningTask);
    }

    [Fact]
    public async Task An_agent_token_does_not_submit_manually_and_a_manual_job_refuses_the_dump_fields()
    {
        var manual = await api.PostJobAsync(_employer);
        var agent = await RunningAgentAsync();

        var byAgent = await DumpAsync(agent.Running, manual, "{}");
        var withStatus = await DumpAsync(api.ClientFor(TasksApi.NewId()), manual, "done", status: "failed");

        byAgent.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(byAgent)).Should().Be(SubmitTaskHandler.AgentsDumpOnly);
        withStatus.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(withStatus)).Should().Be(SubmitTaskHandler.DumpFieldsGiven);
    }

    public static TheoryData<string, string> BadDumps => new()
    {
        { """{"job_id":"{sink}","job_proof":"not json"}""", DataDumps.ProofNotJson },
        { """{"job_id":"{sink}","job_proof":"[1]","files":[{"name":"a","extension":".png","base64Data":"iVBORw0KGgo="}]}""", DataDumps.ProofNotObject },
        { """{"job_id":"{sink}","job_proof":"{}","files":[{"name":"a","base64Data":"***"}]}""", "files: 'a' is not valid base64" },
        { """{"job_id":"{sink}","job_proof":"{}","files":[{"name":"a/b","base64Data":"AA=="}]}""", "files: 'a/b' is not a file name" },
        { """{"job_id":"{sink}","job_proof":"{}","files":[{"name":"a","extension":".p n g","base64Data":"AA=="}]}""", "has the extension '.p n g'" },
        { """{"job_id":"{sink}","job_proof":"{}","files":[{"name":"a","base64Data":"AA=="},{"name":"a","base64Data":"AA=="}]}""", "files: 'a' is given more than once" },
        { """{"job_id":"{sink}","job_proof":"{}","files":[{"base64Data":"AA=="}]}""", "name is required" },
        { """{"job_id":"{sink}","job_proof":"{}","files":[{"name":"a"}]}""", "base64Data is required" },
        { """{"job_id":"{sink}","job_proof":"{}","files":"a"}""", "files must be an array" },
        { """{"job_id":"{sink}","job_proof":"{}","status":"confirmed"}""", "status must be one of: pending, failed, declined" },
        { """{"job_id":"{sink}","job_proof":"{}","status":3}""", "status must be a string" },
        { """{"job_id":"{sink}","job_proof":"{}","custom_vars":{"a":1}}""", DataDumps.ManualFieldsGiven },
        { """{"job_id":"{sink}","job_proof":{"a":1}}""", "job_proof must be a string" },
    };

    [Theory]
    [MemberData(nameof(BadDumps))]
    public async Task A_bad_dump_is_a_400(string body, string error)
    {
        var sink = await AutomationJobAsync();
        var agent = await RunningAgentAsync();

        var response = await agent.Running.PostAsync("/api/v1/tasks/submit",
            new StringContent(body.Replace("{sink}", sink), System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(response)).Should().Contain(error);
    }

    [Fact]
    public async Task Files_over_5_MB_or_more_than_ten_are_a_400_and_nothing_is_kept()
    {
        var sink = await AutomationJobAsync();
        var agent = await RunningAgentAsync();
        var kept = api.ProofFiles.Names.Count;

        var tooLarge = await DumpAsync(agent.Running, sink, "{}", new JsonArray(File("ok", Png), File("big", new byte[5 * 1024 * 1024 + 1])));
        var tooMany = await DumpAsync(agent.Running, sink, "{}", new JsonArray(Enumerable.Range(0, 11).Select(i => (JsonNode)File($"f{i}", Png)).ToArray()));

        tooLarge.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(tooLarge)).Should().Be("files: 'big' is larger than 5 MB");
        tooMany.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        api.ProofFiles.Names.Count.Should().Be(kept, "the files of a refused dump are not kept");
    }
}
