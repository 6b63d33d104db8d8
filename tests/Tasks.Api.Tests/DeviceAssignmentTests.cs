using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Tasks;
using Platform.Testing;

namespace Tasks.Api.Tests;

/// <summary>Routes 51, 52 and 13's pinning: the assignment engine gives planned tasks of automation jobs to devices, and agents complete them.</summary>
public sealed class DeviceAssignmentTests(TasksApi api) : IClassFixture<TasksApi>
{
    private readonly string _employer = TasksApi.NewId();
    private readonly string _automation = Guid.NewGuid().ToString();
    private HttpClient Employer => api.ClientFor(_employer);

    private Task<string> AutomationJobAsync(int positions = 10, string? ownerId = null, decimal price = 0.25m) =>
        api.PostJobAsync(ownerId ?? _employer, j => j with
        {
            JobType = "devices_automation", AutomationId = _automation, Positions = positions, JobPrice = price,
            AutomationParameters = """{"maxRetries":3}""",
        });

    private async Task<string> DeviceAsync(string? ownerId = null, bool onMarket = false, string paymentType = "action", IReadOnlyList<string>? automations = null,
        string? name = null)
    {
        var id = Guid.NewGuid().ToString();
        await api.PublishDeviceAsync(id, ownerId ?? _employer, 1, onMarket: onMarket, paymentType: paymentType, automations: automations, name: name);
        return id;
    }

    private async Task<JsonObject> PlanAsync(string jobId, JsonObject body, HttpClient? client = null)
    {
        var response = await (client ?? Employer).PostAsJsonAsync($"/api/v1/jobs/{jobId}/planned-tasks", body);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static JsonObject Inputs(params string[] inputs) => new() { ["inputs"] = new JsonArray(inputs.Select(i => (JsonNode)i).ToArray()) };

    private HttpClient Agent(string deviceId, string? ownerId = null) => api.AgentClientFor(ownerId ?? _employer, deviceId);

    private static async Task<JsonObject?> PollAsync(HttpClient agent)
    {
        var response = await agent.GetAsync("/api/v1/agent/assignment");
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonObject>();
    }

    /// <summary>
    /// Polls as an agent does until work comes (the assignment sweep may be claiming the device for it right now, and a
    /// poll meanwhile answers 204).
    /// </summary>
    private static async Task<JsonObject> WorkAsync(HttpClient agent)
    {
        JsonObject? assignment = null;
        await Eventually.HoldsAsync(async () => (assignment = await PollAsync(agent)) is not null, "the agent got its assignment");
        return assignment!;
    }

    private static HttpClient TaskClient(TasksApi api, JsonObject assignment) => api.ClientWithToken(assignment["task_token"]!["access_token"]!.GetValue<string>());

    private static Task<HttpResponseMessage> CompleteAsync(HttpClient taskClient, string status, string? proof = null, string? reason = null) =>
        taskClient.PostAsJsonAsync("/api/v1/agent/assignment/complete", new JsonObject { ["status"] = status, ["job_proof"] = proof, ["failureReason"] = reason });

    [Fact]
    public async Task A_polling_agent_gets_the_waiting_planned_task_with_its_variables_parameters_and_a_task_token()
    {
        var job = await AutomationJobAsync();
        var device = await DeviceAsync();
        var planned = await PlanAsync(job, Inputs("""{"email":"a@example.com","password":"pw"}"""));
        var plannedId = planned["inserted_ids"]![0]!["planned_task_id"]!.GetValue<string>();

        var assignment = (await WorkAsync(Agent(device)));

        assignment["job_id"]!.GetValue<string>().Should().Be(job);
        assignment["planned_task_id"]!.GetValue<string>().Should().Be(plannedId);
        assignment["automation_id"]!.GetValue<string>().Should().Be(_automation);
        assignment["input"]!.GetValue<string>().Should().Contain("a@example.com");
        assignment["job_variables"]!["email"]!.GetValue<string>().Should().Be("a@example.com");
        assignment["job_variables"]!["_id"]!.GetValue<string>().Should().Be(plannedId);
        assignment["automationParameters"]!["maxRetries"]!.GetValue<int>().Should().Be(3);
        assignment["task_token"]!["token_type"]!.GetValue<string>().Should().Be("Bearer");
        var taskId = assignment["job_task_id"]!.GetValue<string>();
        var assigned = await api.PublishedAsync<DeviceAssigned>(e => e.TaskId == taskId);
        assigned.RemoteDeviceId.Should().Be(device);
        assigned.PlannedTaskId.Should().Be(plannedId);

        // Polling again answers the same running task; the task shows its device, run by its owner.
        (await WorkAsync(Agent(device)))["job_task_id"]!.GetValue<string>().Should().Be(taskId);
        var task = await TasksApi.TaskAsync(Employer, taskId);
        task["status"]!.GetValue<string>().Should().Be("running");
        task["remote_device_id"]!.GetValue<string>().Should().Be(device);
        task["device_owner_share"].Should().BeNull("the employer's own device earns no share");
    }

    [Fact]
    public async Task Nothing_waiting_is_a_204_and_the_agent_routes_refuse_user_tokens_and_unknown_devices()
    {
        var device = await DeviceAsync();

        (await Agent(device).GetAsync("/api/v1/agent/assignment")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var asUser = await Employer.GetAsync("/api/v1/agent/assignment");
        asUser.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await asUser.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("Token is not bound to a device");
        (await Employer.PostAsJsonAsync("/api/v1/agent/assignment/complete", new { status = "pending" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Agent(Guid.NewGuid().ToString()).GetAsync("/api/v1/agent/assignment")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Agent(device, ownerId: TasksApi.NewId()).GetAsync("/api/v1/agent/assignment")).StatusCode.Should().Be(HttpStatusCode.NotFound,
            "a token for another owner's device");
        (await Agent(device).GetAsync("/api/v1/tasks")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "an agent token opens only the agent routes");
    }

    [Fact]
    public async Task The_agent_completes_its_task_pending_for_review_and_the_device_takes_the_next()
    {
        var job = await AutomationJobAsync();
        var device = await DeviceAsync();
        await PlanAsync(job, Inputs("first", "second"));

        var first = (await WorkAsync(Agent(device)));
        var done = await CompleteAsync(TaskClient(api, first), "pending", proof: "echo: first");
        done.StatusCode.Should().Be(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        (await done.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>().Should().Be("pending");
        var second = (await WorkAsync(Agent(device)));

        second["input"]!.GetValue<string>().Should().Be("second");
        var firstTask = await TasksApi.TaskAsync(Employer, first["job_task_id"]!.GetValue<string>());
        firstTask["status"]!.GetValue<string>().Should().Be("pending");
        firstTask["job_proof"]!.GetValue<string>().Should().Be("echo: first");
        await api.PublishedAsync<DeviceReleased>(e => e.TaskId == first["job_task_id"]!.GetValue<string>() && e.Status == "pending");
        (await TasksApi.ReviewAsync(Employer, job, "confirmed", first["job_task_id"]!.GetValue<string>())).StatusCode.Should().Be(HttpStatusCode.OK);

        // A second completion of the same task is refused; so is a completion without the task-scoped token.
        (await CompleteAsync(TaskClient(api, first), "failed")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var plain = await CompleteAsync(Agent(device), "pending");
        plain.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await plain.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Contain("task-scoped agent token");
    }

    [Fact]
    public async Task A_failed_task_gives_its_position_back_and_keeps_its_reason()
    {
        var job = await AutomationJobAsync(positions: 1);
        var device = await DeviceAsync();
        await PlanAsync(job, Inputs("only"));
        var assignment = (await WorkAsync(Agent(device)));

        (await CompleteAsync(TaskClient(api, assignment), "failed", reason: "captcha")).StatusCode.Should().Be(HttpStatusCode.OK);

        var task = await TasksApi.TaskAsync(Employer, assignment["job_task_id"]!.GetValue<string>());
        task["status"]!.GetValue<string>().Should().Be("failed");
        task["failureReason"]!.GetValue<string>().Should().Be("captcha");
        // Re-initiated, the planned task runs again on the free device (the position came back).
        (await Employer.PostAsJsonAsync("/api/v1/tasks/reinitiate", new { task_id = assignment["job_task_id"]!.GetValue<string>() }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await WorkAsync(Agent(device)))["planned_task_id"]!.GetValue<string>().Should().Be(assignment["planned_task_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rented_device_runs_only_its_renters_tasks_as_theirs_and_its_owners_again_once_the_rental_ends()
    {
        var ownerId = TasksApi.NewId();
        var device = Guid.NewGuid().ToString();
        await api.PublishDeviceAsync(device, ownerId, 1, onMarket: true, paymentType: "live", renterId: _employer);
        var ownersJob = await AutomationJobAsync(ownerId: ownerId);
        var marketEmployer = TasksApi.NewId();
        var marketJob = await AutomationJobAsync(ownerId: marketEmployer);
        var rentersJob = await AutomationJobAsync();
        await PlanAsync(ownersJob, new JsonObject { ["inputs"] = new JsonArray("owner's"), ["remote_device_id"] = device }, api.ClientFor(ownerId));
        await PlanAsync(marketJob, new JsonObject { ["inputs"] = new JsonArray("market's"), ["remote_device_id"] = device }, api.ClientFor(marketEmployer));
        await PlanAsync(rentersJob, new JsonObject { ["inputs"] = new JsonArray("renter's"), ["remote_device_id"] = device });

        var first = await WorkAsync(Agent(device, ownerId));

        first["job_id"]!.GetValue<string>().Should().Be(rentersJob, "a rented device runs its renter's tasks only");
        var task = await TasksApi.TaskAsync(Employer, first["job_task_id"]!.GetValue<string>());
        task["worker_id"]!.GetValue<string>().Should().Be(_employer, "the renter operates the device: the task is theirs");
        task["device_owner_share"].Should().BeNull("the renter pays by the hour, not by the task");
        (await CompleteAsync(TaskClient(api, first), "pending", proof: "done")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Agent(device, ownerId).GetAsync("/api/v1/agent/assignment")).StatusCode.Should().Be(HttpStatusCode.NoContent,
            "the owner's and the market's tasks wait while it is rented");

        await api.PublishDeviceAsync(device, ownerId, 2, onMarket: true, paymentType: "live");

        var second = await WorkAsync(Agent(device, ownerId));
        second["job_id"]!.GetValue<string>().Should().Be(ownersJob, "the rental over, the owner's own task runs; a live device takes no market jobs");
    }

    [Theory]
    [InlineData("{\"status\":\"confirmed\"}", "status must be one of: pending, failed")]
    [InlineData("{}", "status is required")]
    [InlineData("{\"status\":\"failed\",\"failureReason\":7}", "failureReason must be a string")]
    public async Task A_bad_completion_is_a_400(string body, string message)
    {
        var job = await AutomationJobAsync();
        var device = await DeviceAsync();
        await PlanAsync(job, Inputs("x"));
        var assignment = (await WorkAsync(Agent(device)));

        var response = await TaskClient(api, assignment).PostAsync("/api/v1/agent/assignment/complete",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be(message);
    }

    [Fact]
    public async Task A_task_token_of_another_device_is_a_404()
    {
        var job = await AutomationJobAsync();
        var device = await DeviceAsync();
        await PlanAsync(job, Inputs("x"));
        var assignment = (await WorkAsync(Agent(device)));

        var response = await CompleteAsync(api.AgentClientFor(_employer, Guid.NewGuid().ToString(), assignment["job_task_id"]!.GetValue<string>()), "pending");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Tasks_pinned_by_name_go_to_that_device_only_and_an_unknown_name_is_a_400()
    {
        var job = await AutomationJobAsync();
        var other = await DeviceAsync();
        var name = $"Quiet Otter {Guid.NewGuid():N}"[..20];
        var pinned = await DeviceAsync(name: name);

        var plan = await PlanAsync(job, new JsonObject { ["inputs"] = new JsonArray("for the otter"), ["device_name"] = name.ToLowerInvariant() });

        (await PollAsync(Agent(other))).Should().BeNull("the task is pinned to another device");
        (await WorkAsync(Agent(pinned)))["planned_task_id"]!.GetValue<string>().Should().Be(plan["inserted_ids"]![0]!["planned_task_id"]!.GetValue<string>());
        var unknown = await Employer.PostAsJsonAsync($"/api/v1/jobs/{job}/planned-tasks", new JsonObject { ["inputs"] = new JsonArray("x"), ["device_name"] = "No Such Device" });
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("No device is named 'No Such Device'");
    }

    [Fact]
    public async Task Run_immediately_assigns_to_a_free_device_and_says_which_were_not()
    {
        var job = await AutomationJobAsync();
        var device = await DeviceAsync();

        var plan = await PlanAsync(job, new JsonObject { ["inputs"] = new JsonArray("one", "two"), ["remote_device_id"] = device, ["run_immediately"] = true });

        var results = plan["assignment_results"]!.AsArray().Select(r => r!["assigned"]!.GetValue<bool>()).ToList();
        results.Should().Equal([true, false], "one device runs one task at a time: the second waits");
        (await WorkAsync(Agent(device)))["input"]!.GetValue<string>().Should().Be("one");
    }

    [Fact]
    public async Task Other_owners_devices_run_the_job_only_from_the_action_market_and_earn_a_share()
    {
        var job = await AutomationJobAsync(price: 0.30m);
        var owner = TasksApi.NewId();
        var unlisted = await DeviceAsync(ownerId: owner);
        var live = await DeviceAsync(ownerId: owner, onMarket: true, paymentType: "live");
        var otherAutomation = await DeviceAsync(ownerId: owner, onMarket: true, automations: [Guid.NewGuid().ToString()]);
        var market = await DeviceAsync(ownerId: owner, onMarket: true, automations: [_automation]);
        await PlanAsync(job, Inputs("a"));

        (await PollAsync(Agent(unlisted, owner))).Should().BeNull();
        (await PollAsync(Agent(live, owner))).Should().BeNull();
        (await PollAsync(Agent(otherAutomation, owner))).Should().BeNull();
        var assignment = (await WorkAsync(Agent(market, owner)));

        var task = await TasksApi.TaskAsync(Employer, assignment["job_task_id"]!.GetValue<string>());
        task["worker_id"]!.GetValue<string>().Should().Be(owner);
        task["device_owner_share"]!.GetValue<decimal>().Should().Be(0.24m, "80% of the 0.30 pay");
    }

    [Fact]
    public async Task Twenty_devices_polling_at_once_for_ten_planned_tasks_take_each_once_and_one_each()
    {
        var job = await AutomationJobAsync(positions: 10);
        var devices = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => DeviceAsync()));
        await PlanAsync(job, Inputs(Enumerable.Range(0, 10).Select(i => $"input {i}").ToArray()));

        // Every device polls twice at once, racing each other and the assignment sweep; then each says what it runs.
        var racing = await Task.WhenAll(devices.SelectMany(d => new[] { d, d }).Select(async d => (Device: d, Assignment: await PollAsync(Agent(d)))));
        await Eventually.HoldsAsync(() => api.Published<DeviceAssigned>(e => e.JobId == job).Count >= 10, "all ten were assigned");
        var settled = new List<(string Device, JsonObject? Assignment)>();
        foreach (var device in devices) settled.Add((device, await PollAsync(Agent(device))));

        var given = racing.Concat(settled).Where(p => p.Assignment is not null).Select(p => (p.Device, Task: p.Assignment!["job_task_id"]!.GetValue<string>(),
            Planned: p.Assignment["planned_task_id"]!.GetValue<string>())).Distinct().ToList();
        given.Select(g => g.Planned).Distinct().Should().HaveCount(10, "every planned task is given out");
        given.Select(g => g.Task).Distinct().Should().HaveCount(10, "each once");
        given.GroupBy(g => g.Device).Should().OnlyContain(g => g.Select(x => x.Task).Distinct().Count() == 1, "a device runs one task at a time");
        api.Published<DeviceAssigned>(e => e.JobId == job).Should().HaveCount(10);
    }
}
