using System.Diagnostics;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Identity;
using Platform.Contracts.Tasks;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Money under a broker restart: 1,000 TaskConfirmed for one funded job, published (as an outbox relay does: each
/// retried until the broker takes it) while the private RabbitMQ node is stopped and started again half way. Every
/// worker and every referrer is paid exactly once per task, and the employer is charged exactly what went out.
/// </summary>
public sealed class BrokerRestartTests(ITestOutputHelper output)
{
    private const int Tasks = 1000;
    private const decimal Price = 0.01m;

    [Fact]
    public async Task Every_confirmed_task_pays_its_worker_and_referrer_once_across_a_broker_restart()
    {
        var platform = PlatformInstance.Create();
        try
        {
            await platform.StartAsync();
            var employer = await platform.RegisterAsync("Employer Emil");
            var referrers = new[] { await platform.RegisterAsync("Referrer Rosa"), await platform.RegisterAsync("Referrer Raj") };
            var workers = new List<User>();
            for (var i = 0; i < 10; i++) workers.Add(await platform.RegisterAsync($"Worker {i}", referrer: referrers[i % 2]));
            // A referral Payments hears after some of the worker's tasks were confirmed still pays their bonuses, so
            // nothing here waits for Identity's events.
            await employer.DepositAsync(20m);
            var jobId = await employer.PostJobAsync("Confirm a thousand", Tasks, Price);
            (await employer.BalanceAsync()).Should().Be((20m, 9m, 0m), "1,000 × (0.01 + a 0.001 fee) = 11 held");

            await using var publisher = await BrokerPublisher.StartAsync(platform.RabbitUrl);
            var events = Enumerable.Range(0, Tasks).Select(i => new TaskConfirmed($"task-{i:D4}", jobId, workers[i % workers.Count].UserId, employer.UserId, Price)).ToList();
            var clock = Stopwatch.StartNew();
            foreach (var e in events.Take(Tasks / 2)) await publisher.PublishAsync(e);
            await platform.StopBrokerAsync();
            var stoppedAt = clock.Elapsed;
            var secondHalf = Task.Run(async () => { foreach (var e in events.Skip(Tasks / 2)) await publisher.PublishAsync(e); });
            await Task.Delay(TimeSpan.FromSeconds(3));
            await platform.StartBrokerAsync();
            var restartedAt = clock.Elapsed;
            await secondHalf;
            var publishedAt = clock.Elapsed;

            var perWorker = Tasks / workers.Count * Price;
            var perReferrer = Tasks / referrers.Length * Price * 0.05m;
            await Eventually.HoldsAsync(async () =>
            {
                foreach (var worker in workers) if ((await worker.BalanceAsync()).Active != perWorker) return false;
                foreach (var referrer in referrers) if ((await referrer.BalanceAsync()).Active != perReferrer) return false;
                return true;
            }, "every worker and referrer paid", TimeSpan.FromMinutes(3));
            var paidAt = clock.Elapsed;
            await Task.Delay(TimeSpan.FromSeconds(3));

            var workerBalances = await Task.WhenAll(workers.Select(w => w.BalanceAsync()));
            var referrerBalances = await Task.WhenAll(referrers.Select(r => r.BalanceAsync()));
            var employerBalance = await employer.BalanceAsync();
            output.WriteLine($"[figures] broker restart: {Tasks} TaskConfirmed published ({Tasks / 2} before the stop at {stoppedAt.TotalSeconds:F1} s, the rest retried " +
                $"until the restart at {restartedAt.TotalSeconds:F1} s, all taken by {publishedAt.TotalSeconds:F1} s); paid by {paidAt.TotalSeconds:F1} s; " +
                $"{workers.Count} workers got {workerBalances.Sum(b => b.Active)} ({string.Join(", ", workerBalances.Select(b => b.Active).Distinct())} each), " +
                $"{referrers.Length} referrers got {referrerBalances.Sum(b => b.Active)}, the employer has {employerBalance.Balance} of 20 " +
                $"(charged {20m - employerBalance.Balance} = {Tasks} × (0.01 + 0.001))");

            workerBalances.Should().AllBeEquivalentTo((perWorker, perWorker, 0m), "each worker was paid once per task, no more");
            referrerBalances.Should().AllBeEquivalentTo((perReferrer, perReferrer, 0m), "5% of each referred task's pay, once");
            employerBalance.Should().Be((9m, 9m, 0m), "every position paid: the hold is spent, and nothing more was taken");
            (workerBalances.Sum(b => b.Active) + 1000 * 0.001m).Should().Be(20m - employerBalance.Balance, "what left the employer is what the workers and revenue got");
        }
        finally
        {
            await platform.DisposeAsync();
            platform.DeleteData();
        }
    }
}
