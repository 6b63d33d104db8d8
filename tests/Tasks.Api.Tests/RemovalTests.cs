using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Tasks;

namespace Tasks.Api.Tests;

/// <summary>Routes 14 and 16: failed or declined tasks are deleted or re-initiated, their planned tasks freed, their files gone.</summary>
public sealed class RemovalTests(TasksApi api) : IClassFixture<TasksApi>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private readonly string _owner = TasksApi.NewId();
    private HttpClient Owner => api.ClientFor(_owner);

    /// <summary>A job with one planned task, given to a worker whose submission (with a file) was declined.</summary>
    private async Task<(string Job, string Planned, string Task)> DeclinedPlannedTaskAsync()
    {
        var job = await api.PostJobAsync(_owner, j => j with { Files = [new Platform.Contracts.Jobs.JobProofFile("screenshot", false, ["image/*"])] });
        var plan = await Owner.PostAsJsonAsync($"/api/v1/jobs/{job}/planned-tasks", new { inputs = new[] { """{"n":1}""" } });
        var planned = (await plan.Content.ReadFromJsonAsync<JsonObject>())!["inserted_ids"]!.AsArray().Single()!["planned_task_id"]!.GetValue<string>();
        var worker = api.ClientFor(TasksApi.NewId());
        await TasksApi.ApplyAsync(worker, job);
        var task = await TasksApi.SubmitAsync(worker, job, customVars: new { _id = planned, n = 1 },
            files: [new { fieldName = "screenshot", fileName = "s.png", base64 = Convert.ToBase64String(Png) }]);
        (await TasksApi.ReviewAsync(Owner, job, "declined", task)).StatusCode.Should().Be(HttpStatusCode.OK);
        return (job, planned, task);
    }

    private async Task<JsonObject> FreePlannedAsync(string job) => (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{job}/planned-tasks"))!;

    [Fact]
    public async Task Deleting_a_declined_task_by_its_planned_task_frees_the_planned_task_and_deletes_its_files()
    {
        var (job, planned, task) = await DeclinedPlannedTaskAsync();
        var files = api.ProofFiles.Names.Count;

        var response = await Owner.DeleteAsync($"/api/v1/tasks/{planned}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>().Should().Be("Job task deleted successfully");
        (await Owner.GetAsync($"/api/v1/tasks?task_id={task}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await FreePlannedAsync(job))["data"]!["total"]!.GetValue<long>().Should().Be(1);
        api.ProofFiles.Names.Count.Should().Be(files - 1);
        await api.PublishedAsync<TaskFinished>(e => e.TaskId == task && e.LastStatus == "declined");
    }

    [Fact]
    public async Task Only_failed_and_declined_tasks_are_deleted()
    {
        var job = await api.PostJobAsync(_owner);
        var task = await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job);
        await TasksApi.ReviewAsync(Owner, job, "confirmed", task);

        var response = await Owner.DeleteAsync($"/api/v1/tasks/{task}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["success"]!.GetValue<bool>().Should().BeFalse();
        body["message"]!.GetValue<string>().Should().Be("Cannot delete job task with status 'confirmed'. Only tasks with status: failed, declined can be deleted.");
    }

    [Fact]
    public async Task Deleting_is_for_the_jobs_owner_and_ids_that_name_nothing_are_refused()
    {
        var (_, _, task) = await DeclinedPlannedTaskAsync();
        var unknown = TasksApi.NewId();

        var stranger = await api.ClientFor(TasksApi.NewId()).DeleteAsync($"/api/v1/tasks/{task}");
        var missing = await Owner.DeleteAsync($"/api/v1/tasks/{unknown}");
        var malformed = await Owner.DeleteAsync("/api/v1/tasks/nope");

        stranger.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await stranger.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>().Should().Be("You don't have permission to delete this job task");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await missing.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be($"task_id {unknown} is neither a valid job task ID nor a planned task ID");
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("Invalid task id");
    }

    [Fact]
    public async Task Reinitiating_a_declined_task_gives_its_planned_task_to_the_next_worker()
    {
        var (job, planned, task) = await DeclinedPlannedTaskAsync();

        var response = await Owner.PostAsJsonAsync("/api/v1/tasks/reinitiate", new { task_ids = new[] { task } });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>().Should().Be("Task successfully reinitiated");
        var next = await TasksApi.ApplyAsync(api.ClientFor(TasksApi.NewId()), job);
        next["_id"]!.GetValue<string>().Should().Be(planned);
    }

    [Fact]
    public async Task Reinitiating_refuses_other_statuses_strangers_and_missing_tasks()
    {
        var job = await api.PostJobAsync(_owner);
        var pending = await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job);
        var (_, _, declined) = await DeclinedPlannedTaskAsync();

        var wrongStatus = await Owner.PostAsJsonAsync("/api/v1/tasks/reinitiate", new { task_id = pending });
        var stranger = await api.ClientFor(TasksApi.NewId()).PostAsJsonAsync("/api/v1/tasks/reinitiate", new { task_id = declined });
        var missing = await Owner.PostAsJsonAsync("/api/v1/tasks/reinitiate", new { task_id = TasksApi.NewId() });
        var none = await Owner.PostAsJsonAsync("/api/v1/tasks/reinitiate", new { });
        var malformed = await Owner.PostAsJsonAsync("/api/v1/tasks/reinitiate", new { task_ids = new[] { "x" } });

        wrongStatus.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrongStatus.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>()
            .Should().Be("Cannot reinitiate task with status 'pending'. Only failed or declined tasks can be reinitiated.");
        stranger.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        none.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_declined_task_without_a_planned_task_cannot_be_reinitiated()
    {
        var job = await api.PostJobAsync(_owner);
        var task = await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job);
        await TasksApi.ReviewAsync(Owner, job, "declined", task);

        var response = await Owner.PostAsJsonAsync("/api/v1/tasks/reinitiate", new { task_id = task });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
