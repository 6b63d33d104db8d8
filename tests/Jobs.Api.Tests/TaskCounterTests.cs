using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Application.Tasks;
using Jobs.Infrastructure.Persistence;
using MassTransit;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Platform.Persistence;
using Platform.Contracts.Jobs;
using Platform.Contracts.Tasks;
using Platform.Testing;

namespace Jobs.Api.Tests;

/// <summary>The job's counters follow the Tasks service's events, and the job completes when its positions are confirmed.</summary>
public sealed class TaskCounterTests(JobsApi api) : IClassFixture<JobsApi>
{
    private readonly string _ownerId = JobsApi.NewUserId();

    private async Task<JsonObject> JobAsync(string id) => (await api.ClientFor(_ownerId).GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;

    private static (int Total, int Running, int Pending, int Confirmed, int Done) Counters(JsonObject job) => (
        job["totla_tasks_count"]!.GetValue<int>(), job["tasks_running_count"]!.GetValue<int>(), job["tasks_pending_count"]!.GetValue<int>(),
        job["tasks_confirmed_count"]!.GetValue<int>(), job["tasks_done_count"]!.GetValue<int>());

    private Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        api.Harness.Bus.Publish(message, c => c.MessageId = messageId ?? NewId.NextGuid());

    [Fact]
    public async Task Counters_follow_applies_submissions_reviews_and_removals_raced_on_one_job()
    {
        var id = await api.CreateJobAsync(api.ClientFor(_ownerId), j => j["positions"] = 50);
        var tasks = Enumerable.Range(0, 12).Select(i => $"task-{i}").ToList();

        // Twelve applies at once: every one counts, although they race to write the same job.
        await Task.WhenAll(tasks.Select(t => PublishAsync(new TaskApplied(t, id, "worker-" + t, _ownerId, null, null))));
        await Eventually.HoldsAsync(async () => Counters(await JobAsync(id)) == (12, 12, 0, 0, 0), "twelve running tasks counted");

        await Task.WhenAll(tasks.Take(6).Select(t => PublishAsync(new TaskStatusChanged(t, id, "w", "running", "pending"))));
        await Eventually.HoldsAsync(async () => Counters(await JobAsync(id)) == (12, 6, 6, 0, 0), "six submitted");

        await PublishAsync(new TaskStatusChanged("task-0", id, "w", "pending", "confirmed"));
        await PublishAsync(new TaskStatusChanged("task-1", id, "w", "pending", "declined"));
        await PublishAsync(new TaskFinished("task-1", id, "declined"));
        await Eventually.HoldsAsync(async () => Counters(await JobAsync(id)) == (11, 6, 4, 1, 1), "one confirmed, one declined and removed");
    }

    [Fact]
    public async Task A_move_heard_before_the_tasks_apply_still_ends_right()
    {
        var id = await api.CreateJobAsync(api.ClientFor(_ownerId));

        await PublishAsync(new TaskStatusChanged("early", id, "w", "running", "pending"));
        await Eventually.HoldsAsync(async () => Counters(await JobAsync(id)).Pending == 1, "the move counted");
        Counters(await JobAsync(id)).Should().Be((0, 0, 1, 0, 0), "a count below zero for a moment is shown as zero");
        await PublishAsync(new TaskApplied("early", id, "w", _ownerId, null, null));

        await Eventually.HoldsAsync(async () => Counters(await JobAsync(id)) == (1, 0, 1, 0, 0), "one submitted task, none running");
    }

    [Fact]
    public async Task A_task_submitted_with_its_apply_counts_in_the_status_it_starts_in()
    {
        var id = await api.CreateJobAsync(api.ClientFor(_ownerId));

        await PublishAsync(new TaskApplied("direct", id, "w", _ownerId, null, null) { Status = "pending" });
        await PublishAsync(new TaskApplied("applied", id, "w2", _ownerId, null, null));

        await Eventually.HoldsAsync(async () => Counters(await JobAsync(id)) == (2, 1, 1, 0, 0), "one pending task, one running");
    }

    [Fact]
    public async Task A_replayed_event_counts_once()
    {
        var id = await api.CreateJobAsync(api.ClientFor(_ownerId));
        var messageId = NewId.NextGuid();

        await PublishAsync(new TaskApplied("t", id, "w", _ownerId, null, null), messageId);
        await Eventually.HoldsAsync(async () => Counters(await JobAsync(id)).Total == 1, "the task counted");
        await PublishAsync(new TaskApplied("t", id, "w", _ownerId, null, null), messageId);
        await PublishAsync(new TaskApplied("t2", id, "w2", _ownerId, null, null));

        await Eventually.HoldsAsync(async () => Counters(await JobAsync(id)).Total == 2, "the second task counted");
        Counters(await JobAsync(id)).Should().Be((2, 2, 0, 0, 0), "the replay changed nothing");
    }

    [Fact]
    public async Task A_move_counted_by_a_handler_that_died_before_its_inbox_record_counts_once_when_the_event_comes_again()
    {
        var id = await api.CreateJobAsync(api.ClientFor(_ownerId));
        var applied = new TaskApplied("crashed", id, "w", _ownerId, null, null);
        // The first delivery's handler moved the counters, then its process was killed before the inbox recorded the
        // event handled; its claim timed out, and the redelivery is handled from the start.
        using (var scope = api.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RecordTaskMove(id, null, "running", applied.EventId.ToString())))
                .IsSuccess.Should().BeTrue();
        Counters(await JobAsync(id)).Should().Be((1, 1, 0, 0, 0));

        await PublishAsync(applied, applied.EventId);
        await PublishAsync(new TaskApplied("next", id, "w2", _ownerId, null, null));

        await Eventually.HoldsAsync(async () => Counters(await JobAsync(id)).Total == 2, "the next task counted");
        await api.Harness.InactivityTask;
        Counters(await JobAsync(id)).Should().Be((2, 2, 0, 0, 0), "the redelivered move was counted once, by the handler that died");
        var stored = await api.Services.GetRequiredService<IDocumentStore>().Collection<JobDocument>(JobRepository.CollectionName).GetAsync(id);
        stored!.AppliedOperations.Should().BeEmpty("once the inbox recorded each event handled, the job let go of its key");
    }

    [Fact]
    public async Task A_job_whose_positions_are_all_confirmed_completes_and_says_so()
    {
        var id = await api.CreateJobAsync(api.ClientFor(_ownerId), j => j["positions"] = 2);
        foreach (var t in new[] { "a", "b" })
        {
            await PublishAsync(new TaskApplied(t, id, "w-" + t, _ownerId, null, null));
            await PublishAsync(new TaskStatusChanged(t, id, "w-" + t, "running", "pending"));
        }
        await Eventually.HoldsAsync(async () => Counters(await JobAsync(id)).Pending == 2, "both submitted");

        await PublishAsync(new TaskStatusChanged("a", id, "w-a", "pending", "confirmed"));
        await Eventually.HoldsAsync(async () => Counters(await JobAsync(id)).Confirmed == 1, "one confirmed");
        (await JobAsync(id))["status"]!.GetValue<string>().Should().Be("active");
        await PublishAsync(new TaskStatusChanged("b", id, "w-b", "pending", "confirmed"));

        await Eventually.HoldsAsync(async () => (await JobAsync(id))["status"]!.GetValue<string>() == "completed", "the job completed");
        await api.PublishedAsync<JobStatusChanged>(e => e.JobId == id && e.Status == "completed");
    }

    [Fact]
    public async Task An_event_with_an_unknown_status_is_refused_and_counts_nothing()
    {
        var id = await api.CreateJobAsync(api.ClientFor(_ownerId));

        await PublishAsync(new TaskStatusChanged("t", id, "w", "running", "teleported"));

        await Eventually.HoldsAsync(() => api.Harness.Published.Select<Fault<TaskStatusChanged>>().Any(f => f.Context.Message.Message.JobId == id),
            "the refusal faulted (to the error queue) instead of being retried");
        Counters(await JobAsync(id)).Should().Be((0, 0, 0, 0, 0));
    }
}
