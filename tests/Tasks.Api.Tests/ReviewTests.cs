using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Jobs;
using Platform.Contracts.Tasks;

namespace Tasks.Api.Tests;

/// <summary>Route 2: the employer's reviews, the ids they accept, the moves they refuse, and one payment per confirmed task.</summary>
public sealed class ReviewTests(TasksApi api) : IClassFixture<TasksApi>
{
    private readonly string _owner = TasksApi.NewId();
    private HttpClient Owner => api.ClientFor(_owner);

    private async Task<(string Job, string Task)> SubmittedTaskAsync(int positions = 3)
    {
        var job = await api.PostJobAsync(_owner, j => j with { Positions = positions });
        return (job, await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job));
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>();

    [Fact]
    public async Task Confirming_a_pending_task_answers_the_task_and_raises_one_TaskConfirmed_with_its_pay()
    {
        var (job, task) = await SubmittedTaskAsync();

        var response = await TasksApi.ReviewAsync(Owner, job, "confirmed", task);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var updated = (await response.Content.ReadFromJsonAsync<JsonArray>())!.Single()!;
        updated["status"]!.GetValue<string>().Should().Be("confirmed");
        updated["comment"]!.GetValue<string>().Should().Be("checked");
        var confirmed = await api.PublishedAsync<TaskConfirmed>(e => e.TaskId == task);
        confirmed.Amount.Should().Be(0.25m);
        confirmed.EmployerId.Should().Be(_owner);
        await api.PublishedAsync<TaskStatusChanged>(e => e.TaskId == task && e.PreviousStatus == "pending" && e.Status == "confirmed");
    }

    [Fact]
    public async Task Twenty_concurrent_confirmations_of_one_task_raise_one_TaskConfirmed()
    {
        var (job, task) = await SubmittedTaskAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => TasksApi.ReviewAsync(Owner, job, "confirmed", task))));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        await api.PublishedAsync<TaskConfirmed>(e => e.TaskId == task);
        await Task.Delay(500);
        api.Published<TaskConfirmed>(e => e.TaskId == task).Should().ContainSingle();
        api.Published<TaskStatusChanged>(e => e.TaskId == task && e.Status == "confirmed").Should().ContainSingle();
    }

    [Fact]
    public async Task Confirming_again_changes_nothing_and_pays_nothing_more()
    {
        var (job, task) = await SubmittedTaskAsync();
        await TasksApi.ReviewAsync(Owner, job, "confirmed", task);
        await api.PublishedAsync<TaskConfirmed>(e => e.TaskId == task);

        var again = await TasksApi.ReviewAsync(Owner, job, "confirmed", task);

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        await Task.Delay(300);
        api.Published<TaskConfirmed>(e => e.TaskId == task).Should().ContainSingle();
    }

    [Fact]
    public async Task A_running_task_cannot_be_confirmed_and_the_refusal_names_its_status()
    {
        var job = await api.PostJobAsync(_owner);
        var applied = await TasksApi.ApplyAsync(api.ClientFor(TasksApi.NewId()), job);
        var task = applied["job_task_id"]!.GetValue<string>();

        var response = await TasksApi.ReviewAsync(Owner, job, "confirmed", task);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(response)).Should().Be($"Task {task} is running; it can't be set to confirmed");
    }

    [Fact]
    public async Task One_task_that_cant_move_refuses_the_whole_request()
    {
        var job = await api.PostJobAsync(_owner);
        var pending = await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job);
        var running = (await TasksApi.ApplyAsync(api.ClientFor(TasksApi.NewId()), job))["job_task_id"]!.GetValue<string>();

        var response = await TasksApi.ReviewAsync(Owner, job, "confirmed", pending, running);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await TasksApi.TaskAsync(Owner, pending))["status"]!.GetValue<string>().Should().Be("pending");
    }

    [Fact]
    public async Task A_planned_task_id_names_the_task_it_was_given_to()
    {
        var job = await api.PostJobAsync(_owner);
        var plan = await Owner.PostAsJsonAsync($"/api/v1/jobs/{job}/planned-tasks", new { inputs = new[] { """{"n":1}""", """{"n":2}""" } });
        var planned = (await plan.Content.ReadFromJsonAsync<JsonObject>())!["inserted_ids"]!.AsArray().Select(p => p!["planned_task_id"]!.GetValue<string>()).ToList();
        var worker = api.ClientFor(TasksApi.NewId());
        var vars = await TasksApi.ApplyAsync(worker, job);
        var task = await TasksApi.SubmitAsync(worker, job, customVars: new { _id = vars["_id"]!.GetValue<string>(), n = 1 });

        var byPlanned = await TasksApi.ReviewAsync(Owner, job, "declined", planned[0]);
        var notGiven = await TasksApi.ReviewAsync(Owner, job, "declined", planned[1]);

        byPlanned.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TasksApi.TaskAsync(Owner, task))["status"]!.GetValue<string>().Should().Be("declined");
        notGiven.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(notGiven)).Should().Be($"Planned task {planned[1]} exists but has no associated job task (job_task_id is null)");
    }

    [Fact]
    public async Task An_id_that_names_nothing_is_a_404_with_the_references_words()
    {
        var (job, _) = await SubmittedTaskAsync();
        var unknown = TasksApi.NewId();

        var response = await TasksApi.ReviewAsync(Owner, job, "confirmed", unknown);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ErrorOf(response)).Should().Be($"ID {unknown} is neither a valid job task ID nor a planned task ID");
    }

    [Fact]
    public async Task Another_jobs_task_is_not_found_through_this_job()
    {
        var (job, _) = await SubmittedTaskAsync();
        var (_, otherTask) = await SubmittedTaskAsync();

        (await TasksApi.ReviewAsync(Owner, job, "confirmed", otherTask)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_owner_and_edit_shares_review_a_view_share_is_refused_and_a_stranger_sees_nothing()
    {
        var (job, task) = await SubmittedTaskAsync();
        var viewer = TasksApi.NewId();
        var editor = TasksApi.NewId();
        await api.PublishJobEventAsync(new JobShared(job, _owner, viewer, "view"), job, j => j.Shares.ContainsKey(viewer));
        await api.PublishJobEventAsync(new JobShared(job, _owner, editor, "edit"), job, j => j.Shares.ContainsKey(editor));

        var stranger = await TasksApi.ReviewAsync(api.ClientFor(TasksApi.NewId()), job, "confirmed", task);
        var byViewer = await TasksApi.ReviewAsync(api.ClientFor(viewer), job, "confirmed", task);
        var byEditor = await TasksApi.ReviewAsync(api.ClientFor(editor), job, "confirmed", task);

        stranger.StatusCode.Should().Be(HttpStatusCode.NotFound);
        byViewer.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        byEditor.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Someone_a_job_is_shared_with_can_neither_take_its_tasks_nor_review_a_task_of_their_own()
    {
        var job = await api.PostJobAsync(_owner, j => j with { Positions = 5 });
        var (editor, viewer, earlier) = (TasksApi.NewId(), TasksApi.NewId(), TasksApi.NewId());
        // A worker who did a task before the owner shared the job with them, for editing.
        var ownTask = await TasksApi.SubmitAsync(api.ClientFor(earlier), job);
        foreach (var (user, permission) in new[] { (editor, "edit"), (viewer, "view"), (earlier, "edit") })
            await api.PublishJobEventAsync(new JobShared(job, _owner, user, permission), job, j => j.Shares.ContainsKey(user));

        foreach (var share in new[] { editor, viewer })
        {
            var apply = await api.ClientFor(share).PostAsJsonAsync("/api/v1/tasks/apply", new { job_id = job });
            apply.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await ErrorOf(apply)).Should().Be("You can't apply to a job shared with you");
            var submit = await api.ClientFor(share).PostAsJsonAsync("/api/v1/tasks/submit", new { job_id = job, job_proof = "done" });
            submit.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await ErrorOf(submit)).Should().Be("You can't apply to a job shared with you");
        }
        var selfReview = await TasksApi.ReviewAsync(api.ClientFor(earlier), job, "confirmed", ownTask);
        selfReview.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(selfReview)).Should().Be($"You can't review your own task ({ownTask})");
        (await TasksApi.ReviewAsync(api.ClientFor(earlier), job, "declined", ownTask)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await TasksApi.TaskAsync(Owner, ownTask))["status"]!.GetValue<string>().Should().Be("pending", "nothing was reviewed");
        api.Published<TaskConfirmed>(e => e.TaskId == ownTask).Should().BeEmpty("nobody was paid");
        (await TasksApi.ReviewAsync(Owner, job, "confirmed", ownTask)).StatusCode.Should().Be(HttpStatusCode.OK, "the owner reviews it");
    }

    [Theory]
    [InlineData("""{"status": "confirmed", "job_id": "6b0b95bbd119066ea2b2aaaa"}""", "JobTasks_Ids")]
    [InlineData("""{"JobTasks_Ids": [], "status": "confirmed", "job_id": "6b0b95bbd119066ea2b2aaaa"}""", "JobTasks_Ids")]
    [InlineData("""{"JobTasks_Ids": ["6b0b95bbd119066ea2b2aaaa"], "status": "done", "job_id": "6b0b95bbd119066ea2b2aaaa"}""", "Invalid status")]
    [InlineData("""{"JobTasks_Ids": ["6b0b95bbd119066ea2b2aaaa"], "status": "running", "job_id": "6b0b95bbd119066ea2b2aaaa"}""", "Invalid status")]
    [InlineData("""{"JobTasks_Ids": ["6b0b95bbd119066ea2b2aaaa"], "status": "confirmed"}""", "job_id")]
    [InlineData("""{"JobTasks_Ids": [5], "status": "confirmed", "job_id": "6b0b95bbd119066ea2b2aaaa"}""", "JobTasks_Ids")]
    public async Task A_malformed_review_is_a_400(string body, string named)
    {
        var response = await Owner.PostAsync("/api/v1/jobs/tasks/status", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(named);
    }
}
