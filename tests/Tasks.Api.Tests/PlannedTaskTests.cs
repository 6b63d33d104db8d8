using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tasks.Api.Tests;

/// <summary>Routes 12, 13 and 15: planned tasks within the job's positions, listed while free, deleted while free.</summary>
public sealed class PlannedTaskTests(TasksApi api) : IClassFixture<TasksApi>
{
    private readonly string _owner = TasksApi.NewId();
    private HttpClient Owner => api.ClientFor(_owner);

    private async Task<HttpResponseMessage> PlanAsync(string job, object body, HttpClient? client = null) =>
        await (client ?? Owner).PostAsJsonAsync($"/api/v1/jobs/{job}/planned-tasks", body);

    private static async Task<List<string>> PlannedIdsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["inserted_ids"]!.AsArray().Select(p => p!["planned_task_id"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Planning_returns_each_inputs_id_and_the_list_shows_the_free_ones()
    {
        var job = await api.PostJobAsync(_owner, j => j with { Positions = 5 });

        var response = await PlanAsync(job, new { inputs = new[] { "alpha one", "beta two", "gamma three" } });
        var ids = await PlannedIdsAsync(response);
        await TasksApi.ApplyAsync(api.ClientFor(TasksApi.NewId()), job);

        var list = (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{job}/planned-tasks?sortOrder=asc"))!;
        list["success"]!.GetValue<bool>().Should().BeTrue();
        list["data"]!["total"]!.GetValue<long>().Should().Be(2, "the one given to a worker is no longer free");
        list["data"]!["plannedTasks"]!.AsArray().Select(p => p!["planned_task_id"]!.GetValue<string>()).Should().Equal(ids[1], ids[2]);
        var searched = (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{job}/planned-tasks?search=GAMMA"))!;
        searched["data"]!["plannedTasks"]!.AsArray().Select(p => p!["input"]!.GetValue<string>()).Should().Equal("gamma three");
    }

    [Fact]
    public async Task Planning_more_than_the_positions_left_is_refused_with_the_excess()
    {
        var job = await api.PostJobAsync(_owner, j => j with { Positions = 3 });
        (await PlanAsync(job, new { inputs = new[] { "a", "b" } })).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await PlanAsync(job, new { inputs = new[] { "c", "d", "e" } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["success"]!.GetValue<bool>().Should().BeFalse();
        body["message"]!.GetValue<string>().Should().Be("No enough positions left. Received 2 tasks in excess.");
    }

    [Fact]
    public async Task Concurrent_plans_never_exceed_the_positions()
    {
        var job = await api.PostJobAsync(_owner, j => j with { Positions = 10 });

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => PlanAsync(job, new { inputs = new[] { $"{i}a", $"{i}b" } }))));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(5);
        var list = (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{job}/planned-tasks?limit=100"))!;
        list["data"]!["total"]!.GetValue<long>().Should().Be(10);
    }

    [Fact]
    public async Task Run_immediately_and_a_device_pin_are_stored_and_answered()
    {
        var job = await api.PostJobAsync(_owner);
        var device = Guid.NewGuid().ToString();

        var response = await PlanAsync(job, new { inputs = new[] { "x" }, remote_device_id = device, run_immediately = true });

        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["assignment_results"]!.AsArray().Single()!["assigned"]!.GetValue<bool>().Should().BeFalse("no device takes tasks before the Devices service assigns them");
        var listed = (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{job}/planned-tasks"))!["data"]!["plannedTasks"]!.AsArray().Single()!;
        listed["remote_device_id"]!.GetValue<string>().Should().Be(device);
    }

    [Theory]
    [InlineData("""{}""", "inputs")]
    [InlineData("""{"inputs": []}""", "inputs")]
    [InlineData("""{"inputs": [""]}""", "1 to 10000 characters")]
    [InlineData("""{"inputs": "one"}""", "inputs")]
    [InlineData("""{"inputs": ["a"], "remote_device_id": "not-a-uuid"}""", "remote_device_id")]
    public async Task A_malformed_plan_is_a_400_in_the_success_shape(string body, string named)
    {
        var job = await api.PostJobAsync(_owner);

        var response = await Owner.PostAsync($"/api/v1/jobs/{job}/planned-tasks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        answer["success"]!.GetValue<bool>().Should().BeFalse();
        answer.ToJsonString().Should().Contain(named);
    }

    [Fact]
    public async Task An_input_over_ten_thousand_characters_is_refused()
    {
        var job = await api.PostJobAsync(_owner);

        (await PlanAsync(job, new { inputs = new[] { new string('x', 10_001) } })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Someone_elses_job_is_not_found_and_a_malformed_id_is_a_400()
    {
        var job = await api.PostJobAsync(_owner);
        var stranger = api.ClientFor(TasksApi.NewId());

        var plan = await PlanAsync(job, new { inputs = new[] { "x" } }, stranger);
        var list = await stranger.GetAsync($"/api/v1/jobs/{job}/planned-tasks");
        var malformed = await Owner.GetAsync("/api/v1/jobs/abc/planned-tasks");
        var badLimit = await Owner.GetAsync($"/api/v1/jobs/{job}/planned-tasks?limit=101");

        plan.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await plan.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("Job not found");
        list.StatusCode.Should().Be(HttpStatusCode.NotFound);
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("Invalid job id");
        badLimit.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Free_planned_tasks_are_deleted_and_free_their_positions_but_given_ones_are_kept()
    {
        var job = await api.PostJobAsync(_owner, j => j with { Positions = 2 });
        var ids = await PlannedIdsAsync(await PlanAsync(job, new { inputs = new[] { "a", "b" } }));
        await TasksApi.ApplyAsync(api.ClientFor(TasksApi.NewId()), job);

        var given = await Owner.PostAsJsonAsync("/api/v1/planned-tasks/delete", new { planned_task_ids = new[] { ids[0] } });
        var free = await Owner.PostAsJsonAsync("/api/v1/planned-tasks/delete", new { planned_task_ids = new[] { ids[1] } });

        given.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await given.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>()
            .Should().Be("Cannot delete a planned task that is assigned to a pending / successful job task");
        free.StatusCode.Should().Be(HttpStatusCode.OK);
        (await free.Content.ReadFromJsonAsync<JsonObject>())!["success"]!.GetValue<bool>().Should().BeTrue();
        (await PlanAsync(job, new { inputs = new[] { "c" } })).StatusCode.Should().Be(HttpStatusCode.OK, "the deleted one's position is free again");
    }

    [Fact]
    public async Task Deleting_unknown_or_someone_elses_planned_tasks_is_a_404_and_malformed_ids_a_400()
    {
        var job = await api.PostJobAsync(_owner);
        var ids = await PlannedIdsAsync(await PlanAsync(job, new { inputs = new[] { "a" } }));

        var unknown = await Owner.PostAsJsonAsync("/api/v1/planned-tasks/delete", new { planned_task_ids = new[] { TasksApi.NewId() } });
        var others = await api.ClientFor(TasksApi.NewId()).PostAsJsonAsync("/api/v1/planned-tasks/delete", new { planned_task_ids = ids });
        var malformed = await Owner.PostAsJsonAsync("/api/v1/planned-tasks/delete", new { planned_task_ids = new[] { "x" } });
        var empty = await Owner.PostAsJsonAsync("/api/v1/planned-tasks/delete", new { planned_task_ids = Array.Empty<string>() });

        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>().Should().Be("Planned task not found");
        others.StatusCode.Should().Be(HttpStatusCode.NotFound);
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
