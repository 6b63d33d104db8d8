using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tasks.Api.Tests;

/// <summary>Route 1: a job's tasks for its owner, filtered, searched, sorted, paged, with the job's counts by status.</summary>
public sealed class ApplicantsTests(TasksApi api) : IClassFixture<TasksApi>
{
    private readonly string _owner = TasksApi.NewId();
    private HttpClient Owner => api.ClientFor(_owner);

    private async Task<JsonObject> ApplicantsAsync(string job, string query = "") =>
        (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{job}/applicants{query}"))!;

    private static List<string> Ids(JsonObject body) => body["job_tasks"]!.AsArray().Select(t => t!["_id"]!.GetValue<string>()).ToList();

    /// <summary>A job with five tasks: Ann confirmed, Bob declined, Cid pending, Dee running, Eve sent back.</summary>
    private async Task<(string Job, Dictionary<string, string> Tasks)> JobWithTasksAsync()
    {
        var job = await api.PostJobAsync(_owner, j => j with { Positions = 10 });
        var tasks = new Dictionary<string, string>();
        foreach (var name in new[] { "Ann", "Bob", "Cid", "Dee", "Eve" })
        {
            var worker = TasksApi.NewId();
            await api.KnowUserAsync(worker, name, "US");
            tasks[name] = name == "Dee"
                ? (await TasksApi.ApplyAsync(api.ClientFor(worker), job))["job_task_id"]!.GetValue<string>()
                : await TasksApi.SubmitAsync(api.ClientFor(worker), job, $"proof of {name}: {name.ToLowerInvariant()}@example.com");
        }
        await TasksApi.ReviewAsync(Owner, job, "confirmed", tasks["Ann"]);
        await TasksApi.ReviewAsync(Owner, job, "declined", tasks["Bob"]);
        await TasksApi.ReviewAsync(Owner, job, "notcomplete", tasks["Eve"]);
        return (job, tasks);
    }

    [Fact]
    public async Task The_list_carries_the_job_its_tasks_and_its_counts_by_status()
    {
        var (job, tasks) = await JobWithTasksAsync();

        var body = await ApplicantsAsync(job);

        body["job"]!["job_id"]!.GetValue<string>().Should().Be(job);
        body["planned_task"].Should().BeNull();
        Ids(body).Should().Equal(tasks["Eve"], tasks["Dee"], tasks["Cid"], tasks["Bob"], tasks["Ann"]);
        body["total_tasks"]!.GetValue<long>().Should().Be(5);
        body["job_done_count"]!.GetValue<long>().Should().Be(1);
        body["satisfied_tasks"]!.GetValue<long>().Should().Be(1);
        body["pending_tasks"]!.GetValue<long>().Should().Be(1);
        body["declined_tasks"]!.GetValue<long>().Should().Be(1);
        body["failed_tasks"]!.GetValue<long>().Should().Be(0);
        body["job_tasks"]!.AsArray()[0]!["worker_name"]!.GetValue<string>().Should().Be("Eve");
    }

    [Fact]
    public async Task Filters_search_sorting_and_paging_apply()
    {
        var (job, tasks) = await JobWithTasksAsync();

        Ids(await ApplicantsAsync(job, "?status=pending")).Should().Equal(tasks["Cid"]);
        Ids(await ApplicantsAsync(job, "?search=BOB@example")).Should().Equal(tasks["Bob"]);
        Ids(await ApplicantsAsync(job, "?search=Dee")).Should().Equal([tasks["Dee"]], "the worker's name is searched");
        Ids(await ApplicantsAsync(job, "?sortby=worker_name&order=asc")).Should().Equal(tasks["Ann"], tasks["Bob"], tasks["Cid"], tasks["Dee"], tasks["Eve"]);
        Ids(await ApplicantsAsync(job, "?sortby=added&order=asc&limit=2&page=2")).Should().Equal(tasks["Cid"], tasks["Dee"]);
        Ids(await ApplicantsAsync(job, "?hours_ago=1")).Should().HaveCount(5);
        Ids(await ApplicantsAsync(job, $"?task_id={tasks["Bob"]}")).Should().Equal(tasks["Bob"]);
    }

    [Fact]
    public async Task A_task_id_that_names_no_task_of_the_job_is_a_404_and_a_malformed_one_a_400()
    {
        var (job, _) = await JobWithTasksAsync();
        var unknown = TasksApi.NewId();

        var missing = await Owner.GetAsync($"/api/v1/jobs/{job}/applicants?task_id={unknown}");
        var malformed = await Owner.GetAsync($"/api/v1/jobs/{job}/applicants?task_id=xyz");

        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).Should().Contain($"task_id {unknown} is neither a valid job task ID nor a planned task ID");
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadAsStringAsync()).Should().Contain("Invalid task_id format");
    }

    [Theory]
    [InlineData("?sortby=price")]
    [InlineData("?order=up")]
    [InlineData("?status=done")]
    [InlineData("?hours_ago=-1")]
    [InlineData("?hours_ago=abc")]
    [InlineData("?limit=0")]
    public async Task Bad_parameters_are_a_400(string query)
    {
        var job = await api.PostJobAsync(_owner);

        (await Owner.GetAsync($"/api/v1/jobs/{job}/applicants{query}")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Someone_who_cant_see_the_job_gets_a_404()
    {
        var job = await api.PostJobAsync(_owner);

        var response = await api.ClientFor(TasksApi.NewId()).GetAsync($"/api/v1/jobs/{job}/applicants");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Job with this Id not found");
    }
}
