using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Tasks;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// No event lost to a crash: Payments and Jobs are killed (SIGKILL) while they consume a burst of task events for one
/// funded job, then started again. Whatever each was handling when it died (an inbox claim left unfinished, a counter
/// moved but not yet recorded handled) is delivered again and handled once: every confirmed task pays its worker and
/// referrer exactly once, the employer is charged exactly what went out, and the job's counters count every task once.
/// The services keep the default inbox claim timeout (30 s), longer than their restart takes, so a redelivery meets its
/// dead claim still held: before the fix it was acknowledged unhandled there, and its task was never paid.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Tasks = 400;
    private const decimal Price = 0.01m;

    [Fact]
    public async Task Every_confirmed_task_is_paid_and_counted_once_when_Payments_and_Jobs_are_killed_mid_burst()
    {
        var platform = PlatformInstance.Create();
        try
        {
            await platform.StartAsync();
            var employer = await platform.RegisterAsync("Employer Erin");
            var referrer = await platform.RegisterAsync("Referrer Rui");
            var workers = new List<User>();
            for (var i = 0; i < 4; i++) workers.Add(await platform.RegisterAsync($"Worker {i}", referrer: referrer));
            await employer.DepositAsync(10m);
            var jobId = await employer.PostJobAsync("Survive a kill", Tasks, Price);

            // Each task as Tasks announces a submission without an apply and its confirmation: four events.
            await using var publisher = await BrokerPublisher.StartAsync(platform.RabbitUrl);
            var clock = Stopwatch.StartNew();
            var publishing = Task.Run(async () =>
            {
                for (var i = 0; i < Tasks; i++)
                {
                    var taskId = $"crash-task-{i:D4}";
                    var worker = workers[i % workers.Count].UserId;
                    await publisher.PublishAsync(new TaskApplied(taskId, jobId, worker, employer.UserId, null, null) { Status = "pending" });
                    await publisher.PublishAsync(new TaskSubmitted(taskId, jobId, worker, "pending", Price));
                    await publisher.PublishAsync(new TaskStatusChanged(taskId, jobId, worker, "pending", "confirmed"));
                    await publisher.PublishAsync(new TaskConfirmed(taskId, jobId, worker, employer.UserId, Price));
                }
            });

            // Kill both in the middle of the burst: once the first pay has reached a worker, while far from all has.
            await Eventually.HoldsAsync(async () => (await workers[0].BalanceAsync()).Active > 0, "the burst is being paid", TimeSpan.FromMinutes(2));
            await Task.WhenAll(platform.KillAsync("payments"), platform.KillAsync("jobs"));
            var killedAt = clock.Elapsed;
            await publishing;
            var publishedAt = clock.Elapsed;
            await Task.WhenAll(platform.StartServiceAsync("payments"), platform.StartServiceAsync("jobs"));
            var restartedAt = clock.Elapsed;
            var paidAtKill = (await workers[0].BalanceAsync()).Active;

            var perWorker = Tasks / workers.Count * Price;
            await Eventually.HoldsAsync(async () =>
            {
                foreach (var worker in workers) if ((await worker.BalanceAsync()).Active != perWorker) return false;
                return (await JobAsync(employer, jobId))["status"]!.GetValue<string>() == "completed";
            }, "every worker paid and the job completed", TimeSpan.FromMinutes(4));
            var settledAt = clock.Elapsed;
            // Anything handled twice would show after the last message: give stragglers (a retry, a redelivery) time.
            await Task.Delay(TimeSpan.FromSeconds(5));

            var workerBalances = await Task.WhenAll(workers.Select(w => w.BalanceAsync()));
            var job = await JobAsync(employer, jobId);
            output.WriteLine($"[figures] crash recovery: {Tasks} tasks × 4 events; Payments and Jobs killed at {killedAt.TotalSeconds:F1} s " +
                $"(worker 0 had {paidAtKill} of {perWorker} once they were down), all published by {publishedAt.TotalSeconds:F1} s, " +
                $"both ready again by {restartedAt.TotalSeconds:F1} s, every task paid and counted by {settledAt.TotalSeconds:F1} s; " +
                $"job counters total {job["totla_tasks_count"]}, done {job["tasks_done_count"]}, confirmed {job["tasks_confirmed_count"]}, " +
                $"pending {job["tasks_pending_count"]}, running {job["tasks_running_count"]}");

            workerBalances.Should().AllBeEquivalentTo((perWorker, perWorker, 0m), "each worker was paid once per task, no more, and nothing waits in review");
            (await referrer.BalanceAsync()).Should().Be((Tasks * Price * 0.05m, Tasks * Price * 0.05m, 0m), "5% of each referred task's pay, once");
            (await employer.BalanceAsync()).Should().Be((10m - Tasks * 0.011m, 10m - Tasks * 0.011m, 0m),
                "every position paid once: the hold is spent and nothing more was taken");
            ((int)job["totla_tasks_count"]!, (int)job["tasks_done_count"]!, (int)job["tasks_confirmed_count"]!, (int)job["tasks_pending_count"]!,
                (int)job["tasks_running_count"]!).Should().Be((Tasks, Tasks, Tasks, 0, 0), "each task event moved the job's counters once");
        }
        finally
        {
            await platform.DisposeAsync();
            platform.DeleteData();
        }
    }

    private static async Task<JsonObject> JobAsync(User owner, string jobId) =>
        (await owner.Client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}"))!;
}
