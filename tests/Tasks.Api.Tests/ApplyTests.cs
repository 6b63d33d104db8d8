using System.Net;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Jobs;
using Platform.Contracts.Tasks;

namespace Tasks.Api.Tests;

/// <summary>Route 9: who may apply, what they get back, and that a job's positions can't be oversold.</summary>
public sealed class ApplyTests(TasksApi api) : IClassFixture<TasksApi>
{
    private readonly string _owner = TasksApi.NewId();

    private async Task<HttpResponseMessage> ApplyAsync(string workerId, string jobId, string country = "US") =>
        await api.ClientFor(workerId, country: country).PostAsJsonAsync("/api/v1/tasks/apply", new { job_id = jobId });

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>();

    [Fact]
    public async Task A_job_is_open_for_applies_the_moment_tasks_shows_it()
    {
        // Twenty jobs at once, each applied to the instant its copy in Tasks appears: the positions must be open by then.
        // (The positions are read straight from the store as well, since a request through HTTP comes a little later.)
        var replica = api.Services.GetRequiredService<Tasks.Application.Ports.IJobReplica>();
        var limits = api.Services.GetRequiredService<Tasks.Application.Ports.ITaskLimits>();
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var job = TasksApi.JobPosted(_owner);
            await api.Harness.Bus.Publish(job);
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await replica.GetAsync(job.JobId, deadline.Token) is null) await Task.Yield();
            var open = await limits.HasPositionLeftAsync(job.JobId, deadline.Token);
            using var response = await ApplyAsync(TasksApi.NewId(), job.JobId);
            return (open, response.StatusCode);
        }));

        answers.Should().OnlyContain(a => a.open && a.StatusCode == HttpStatusCode.OK, "a job Tasks shows has its positions open");
    }

    [Fact]
    public async Task Applying_to_a_job_without_planned_tasks_gives_a_running_task_and_no_variables()
    {
        var job = await api.PostJobAsync(_owner);
        var worker = TasksApi.NewId();

        var body = await TasksApi.ApplyAsync(api.ClientFor(worker), job);

        body.Select(p => p.Key).Should().BeEquivalentTo(["job_task_id"]);
        var taskId = body["job_task_id"]!.GetValue<string>();
        var task = await TasksApi.TaskAsync(api.ClientFor(worker), taskId);
        task["status"]!.GetValue<string>().Should().Be("running");
        task["worker_id"]!.GetValue<string>().Should().Be(worker);
        task["remote_device_id"].Should().BeNull();
        var applied = await api.PublishedAsync<TaskApplied>(e => e.TaskId == taskId);
        applied.Should().Be(new TaskApplied(taskId, job, worker, _owner, null, null) { EventId = applied.EventId, OccurredAt = applied.OccurredAt });
    }

    [Fact]
    public async Task Applying_to_a_job_with_planned_tasks_returns_one_planned_tasks_variables()
    {
        var job = await api.PostJobAsync(_owner);
        var plan = await api.ClientFor(_owner).PostAsJsonAsync($"/api/v1/jobs/{job}/planned-tasks",
            new { inputs = new[] { """{"email":"a@example.com","password":"p1"}""", "plain input" } });
        plan.StatusCode.Should().Be(HttpStatusCode.OK, await plan.Content.ReadAsStringAsync());
        var planned = (await plan.Content.ReadFromJsonAsync<JsonObject>())!["inserted_ids"]!.AsArray().Select(p => p!["planned_task_id"]!.GetValue<string>()).ToList();

        var first = await TasksApi.ApplyAsync(api.ClientFor(TasksApi.NewId()), job);
        var second = await TasksApi.ApplyAsync(api.ClientFor(TasksApi.NewId()), job);

        first["_id"]!.GetValue<string>().Should().Be(planned[0], "the oldest free planned task goes first");
        first["email"]!.GetValue<string>().Should().Be("a@example.com");
        first["password"]!.GetValue<string>().Should().Be("p1");
        second["_id"]!.GetValue<string>().Should().Be(planned[1]);
        second["input"]!.GetValue<string>().Should().Be("plain input", "an input that is no JSON object comes whole");
        var third = await ApplyAsync(TasksApi.NewId(), job);
        third.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(third)).Should().Contain("No planned tasks left");
    }

    [Theory]
    [InlineData("{}", "job_id")]
    [InlineData("""{"job_id": 12}""", "job_id")]
    [InlineData("""{"job_id": "not-an-id"}""", "Invalid job id")]
    public async Task A_malformed_apply_is_a_400(string body, string named)
    {
        var response = await api.ClientFor(TasksApi.NewId()).PostAsync("/api/v1/tasks/apply", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(named);
    }

    [Fact]
    public async Task Applying_to_an_unknown_job_is_a_404()
    {
        var response = await ApplyAsync(TasksApi.NewId(), TasksApi.NewId());

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ErrorOf(response)).Should().Be("Job with this Id not found");
    }

    [Fact]
    public async Task An_employer_cannot_apply_to_their_own_job()
    {
        var job = await api.PostJobAsync(_owner);

        var response = await ApplyAsync(_owner, job);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(response)).Should().Be("You can't apply to your own job");
    }

    [Fact]
    public async Task An_inactive_job_takes_no_applies_until_it_is_active_again()
    {
        var job = await api.PostJobAsync(_owner);
        await api.PublishJobEventAsync(new JobStatusChanged(job, _owner, "active", "inactive"), job, j => j.Status == Domain.Jobs.JobStatus.Inactive);

        var refused = await ApplyAsync(TasksApi.NewId(), job);
        await api.PublishJobEventAsync(new JobStatusChanged(job, _owner, "inactive", "active"), job, j => j.Status == Domain.Jobs.JobStatus.Active);
        var accepted = await ApplyAsync(TasksApi.NewId(), job);

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(refused)).Should().Be("This job is not active");
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_job_past_its_duration_takes_no_applies()
    {
        var job = await api.PostJobAsync(_owner, j => j with { Added = DateTime.UtcNow.AddDays(-4), ExpiresAt = DateTime.UtcNow.AddDays(-1) });

        var response = await ApplyAsync(TasksApi.NewId(), job);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_workers_of_the_targeted_countries_may_apply()
    {
        var job = await api.PostJobAsync(_owner, j => j with { TargetWorkers = ["DE", "FR"] });
        var german = TasksApi.NewId();
        await api.KnowUserAsync(german, "Greta", "DE");

        var fromUs = await ApplyAsync(TasksApi.NewId(), job, country: "US");
        var fromDe = await ApplyAsync(german, job, country: "US");

        fromUs.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(fromUs)).Should().Be("This job is not available in your country (US)");
        fromDe.StatusCode.Should().Be(HttpStatusCode.OK, "the registered country counts, not the token's");
    }

    [Fact]
    public async Task With_allowed_workers_only_they_and_invited_workers_may_apply()
    {
        var allowed = TasksApi.NewId();
        var invited = TasksApi.NewId();
        var job = await api.PostJobAsync(_owner, j => j with { Positions = 5, AllowedWorkers = [allowed], WorkerInvites = [invited] });

        (await ApplyAsync(TasksApi.NewId(), job)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ApplyAsync(allowed, job)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ApplyAsync(invited, job)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_premium_job_refuses_a_new_worker_but_takes_an_invited_one()
    {
        var invited = TasksApi.NewId();
        var job = await api.PostJobAsync(_owner, j => j with { Premium = true, WorkerInvites = [invited] });

        var newcomer = await ApplyAsync(TasksApi.NewId(), job);

        newcomer.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(newcomer)).Should().Contain("premium");
        (await ApplyAsync(invited, job)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_worker_applies_once_unless_the_job_is_few_times_and_then_up_to_its_task_limit()
    {
        var once = await api.PostJobAsync(_owner);
        var fewTimes = await api.PostJobAsync(_owner, j => j with { FewTimes = true, TaskLimit = 2, Positions = 10 });
        var worker = TasksApi.NewId();

        (await ApplyAsync(worker, once)).StatusCode.Should().Be(HttpStatusCode.OK);
        var again = await ApplyAsync(worker, once);
        again.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(again)).Should().Be("You have already applied to this job");

        (await ApplyAsync(worker, fewTimes)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ApplyAsync(worker, fewTimes)).StatusCode.Should().Be(HttpStatusCode.OK);
        var third = await ApplyAsync(worker, fewTimes);
        third.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(third)).Should().Be("You have reached this job's limit of 2 tasks per worker");
    }

    [Fact]
    public async Task The_daily_limit_caps_new_tasks_per_day()
    {
        var job = await api.PostJobAsync(_owner, j => j with { DailyLimit = 2, Positions = 10 });

        (await ApplyAsync(TasksApi.NewId(), job)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ApplyAsync(TasksApi.NewId(), job)).StatusCode.Should().Be(HttpStatusCode.OK);
        var third = await ApplyAsync(TasksApi.NewId(), job);

        third.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(third)).Should().Contain("daily limit");
    }

    [Fact]
    public async Task A_hundred_concurrent_applies_on_ten_positions_make_exactly_ten_running_tasks()
    {
        var job = await api.PostJobAsync(_owner, j => j with { Positions = 10 });
        var workers = Enumerable.Range(0, 100).Select(_ => TasksApi.NewId()).ToList();

        var responses = await Task.WhenAll(workers.Select(w => Task.Run(() => ApplyAsync(w, job))));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(10);
        responses.Count(r => r.StatusCode == HttpStatusCode.Forbidden).Should().Be(90);
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Forbidden))
            (await ErrorOf(refused)).Should().Be("No positions left on this job");
        var applicants = await api.ClientFor(_owner).GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{job}/applicants?status=running&limit=100");
        applicants!["total_tasks"]!.GetValue<long>().Should().Be(10);
    }

    [Fact]
    public async Task A_declined_task_frees_its_position_for_the_next_worker()
    {
        var job = await api.PostJobAsync(_owner, j => j with { Positions = 1 });
        var worker = api.ClientFor(TasksApi.NewId());
        await TasksApi.ApplyAsync(worker, job);
        var taskId = await TasksApi.SubmitAsync(worker, job);
        (await ApplyAsync(TasksApi.NewId(), job)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the one position is held");

        var review = await TasksApi.ReviewAsync(api.ClientFor(_owner), job, "declined", taskId);
        review.StatusCode.Should().Be(HttpStatusCode.OK, await review.Content.ReadAsStringAsync());

        (await ApplyAsync(TasksApi.NewId(), job)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
