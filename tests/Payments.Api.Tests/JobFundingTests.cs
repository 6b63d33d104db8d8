using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Payments.Domain.Ledger;
using Platform.Contracts.Identity;
using Platform.Contracts.Jobs;
using Platform.Contracts.Tasks;
using Platform.Testing;

namespace Payments.Api.Tests;

/// <summary>
/// The money of the marketplace: a job's cost held from its employer when it is posted (10% fee by default), a
/// confirmed task paying its worker, the fee and the referral bonus (5% by default) once, a closed job giving back
/// what its unused positions hold. Jobs' and Tasks' events are published here as those services publish them.
/// </summary>
public sealed class JobFundingTests(PaymentsApi api) : IClassFixture<PaymentsApi>
{
    private Task PublishAsync<T>(T message) where T : class => api.Harness.Bus.Publish(message, c => c.MessageId = NewId.NextGuid());

    private static async Task<decimal> FundedAsync(HttpClient employer, string jobId, int positions, decimal price)
    {
        var response = await PaymentsApi.FundJobAsync(employer, jobId, positions, price);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["charged"]!.GetValue<decimal>();
    }

    private async Task ExpectBalanceAsync(HttpClient user, decimal balance, decimal active, string because) =>
        await Eventually.HoldsAsync(async () => await PaymentsApi.BalanceAsync(user) is var b && b.Balance == balance && b.Active == active,
            $"{because}: balance {balance}, active {active} (is {await PaymentsApi.BalanceAsync(user)})");

    [Fact]
    public async Task Posting_a_job_holds_positions_times_price_plus_the_fee_and_balance_still_counts_it()
    {
        var (_, employer) = await api.UserWithAsync(10m);
        var jobId = PaymentsApi.NewId();

        (await FundedAsync(employer, jobId, 3, 1m)).Should().Be(3.30m);
        (await FundedAsync(employer, jobId, 3, 1m)).Should().Be(3.30m, "asking again for the same job answers the same");

        (await PaymentsApi.BalanceAsync(employer)).Should().Be((10m, 6.70m, 0m), "the hold is the employer's own money, not spendable");
        (await employer.GetStringAsync("/api/v1/users/me/balance")).Should().Be("{\"balance\":10,\"active_balance\":6.7,\"pending_earnings\":0}",
            "amounts are written without trailing zeros");
    }

    [Fact]
    public async Task A_balance_that_does_not_cover_the_job_refuses_it_and_nothing_is_held()
    {
        var (_, employer) = await api.UserWithAsync(3.29m);
        var jobId = PaymentsApi.NewId();

        var refused = await PaymentsApi.FundJobAsync(employer, jobId, 3, 1m);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>()
            .Should().Be("Insufficient balance to fund this job: it costs 3.30 (3 × (1.00 + a 0.10 fee))");
        (await PaymentsApi.BalanceAsync(employer)).Should().Be((3.29m, 3.29m, 0m));
    }

    [Theory]
    [InlineData("{}", "job_id")]
    [InlineData("{\"job_id\":\"nope\",\"positions\":1,\"job_price\":1}", "job_id")]
    [InlineData("{\"job_id\":\"6650f0c2a3b4c5d6e7f80910\",\"positions\":0,\"job_price\":1}", "positions")]
    [InlineData("{\"job_id\":\"6650f0c2a3b4c5d6e7f80910\",\"positions\":\"3\",\"job_price\":1}", "positions")]
    [InlineData("{\"job_id\":\"6650f0c2a3b4c5d6e7f80910\",\"positions\":1,\"job_price\":-1}", "job_price")]
    [InlineData("{\"job_id\":\"6650f0c2a3b4c5d6e7f80910\",\"positions\":1,\"job_price\":0.00001}", "job_price")]
    public async Task A_funding_request_that_breaks_the_contract_is_a_400(string body, string field)
    {
        var (_, employer) = await api.UserWithAsync(10m);
        var response = await employer.PostAsync("/internal/job-funding", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(field);
        (await PaymentsApi.BalanceAsync(employer)).Active.Should().Be(10m);
    }

    [Fact]
    public async Task Of_50_jobs_posted_at_once_against_a_balance_that_covers_10_exactly_10_are_funded()
    {
        var (_, employer) = await api.UserWithAsync(11m);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PaymentsApi.FundJobAsync(employer, PaymentsApi.NewId(), 1, 1m)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(10, "each costs 1.10 of 11.00");
        answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest).Should().Be(40);
        (await PaymentsApi.BalanceAsync(employer)).Should().Be((11m, 0m, 0m));
    }

    [Fact]
    public async Task A_confirmed_task_pays_the_worker_the_fee_and_the_referrer_once_however_often_it_is_heard()
    {
        var (employerId, employer) = await api.UserWithAsync(10m);
        var (referrerId, referrer) = await api.UserWithAsync(0m);
        var workerId = PaymentsApi.NewId();
        var worker = api.ClientFor(workerId);
        await PublishAsync(new UserRegistered(workerId, "w@example.com", "Walt", "DE", referrerId));
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Any<UserRegistered>(m => m.Context.Message.UserId == workerId), "the referral heard");
        var jobId = PaymentsApi.NewId();
        await FundedAsync(employer, jobId, 2, 2m);
        var revenueBefore = await RevenueAsync();

        await PublishAsync(new TaskApplied("task-a", jobId, workerId, employerId, null, null));
        // Tasks publishes one TaskConfirmed per task; a redelivery (or a replayed outbox) is a second message.
        await PublishAsync(new TaskConfirmed("task-a", jobId, workerId, employerId, 2m));
        await PublishAsync(new TaskConfirmed("task-a", jobId, workerId, employerId, 2m));

        await ExpectBalanceAsync(worker, 2m, 2m, "the worker has the pay");
        await ExpectBalanceAsync(referrer, 0.10m, 0.10m, "the referrer has 5% of the pay");
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Select<TaskConfirmed>(m => m.Context.Message.TaskId == "task-a").Count() == 2, "both heard");
        await ExpectBalanceAsync(employer, 7.80m, 5.60m, "one of two positions paid: 2 × 2.20 held, one unit gone");
        (await PaymentsApi.BalanceAsync(worker)).Active.Should().Be(2m, "paid once");
        (await RevenueAsync() - revenueBefore).Should().Be(0.10m, "the 0.20 fee in, the 0.10 bonus out");
        await ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task A_task_on_another_owners_market_device_pays_the_owner_their_share_and_the_rest_to_revenue_once()
    {
        var (employerId, employer) = await api.UserWithAsync(10m);
        var (referrerId, referrer) = await api.UserWithAsync(0m);
        var ownerId = PaymentsApi.NewId();
        var owner = api.ClientFor(ownerId);
        await PublishAsync(new UserRegistered(ownerId, "o@example.com", "Otto", "DE", referrerId));
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Any<UserRegistered>(m => m.Context.Message.UserId == ownerId), "the referral heard");
        var jobId = PaymentsApi.NewId();
        await FundedAsync(employer, jobId, 2, 2m);
        var revenueBefore = await RevenueAsync();
        var confirmed = new TaskConfirmed("device-task", jobId, ownerId, employerId, 2m) { RemoteDeviceId = Guid.NewGuid().ToString(), DeviceOwnerShare = 1.6m };

        await PublishAsync(new TaskApplied("device-task", jobId, ownerId, employerId, "planned", confirmed.RemoteDeviceId));
        await PublishAsync(confirmed);
        await PublishAsync(confirmed);

        await ExpectBalanceAsync(owner, 1.6m, 1.6m, "the device's owner earns their 80% share");
        await ExpectBalanceAsync(referrer, 0.08m, 0.08m, "5% of what the owner earned");
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Select<TaskConfirmed>(m => m.Context.Message.TaskId == "device-task").Count() == 2, "both heard");
        await ExpectBalanceAsync(employer, 7.80m, 5.60m, "the whole unit left the hold, once");
        (await RevenueAsync() - revenueBefore).Should().Be(0.52m, "the 0.40 commission and the 0.20 fee in, the 0.08 bonus out");
        await ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task A_referral_heard_after_the_workers_tasks_were_confirmed_still_pays_each_bonus_once()
    {
        var (employerId, employer) = await api.UserWithAsync(10m);
        var (referrerId, referrer) = await api.UserWithAsync(0m);
        var workerId = PaymentsApi.NewId();
        var jobId = PaymentsApi.NewId();
        await FundedAsync(employer, jobId, 3, 2m);
        await PublishAsync(new TaskConfirmed("late-1", jobId, workerId, employerId, 2m));
        await PublishAsync(new TaskConfirmed("late-2", jobId, workerId, employerId, 2m));
        await ExpectBalanceAsync(api.ClientFor(workerId), 4m, 4m, "both tasks paid, before any referral is known");

        await PublishAsync(new UserRegistered(workerId, "late@example.com", "Lee", "DE", referrerId));
        await PublishAsync(new UserRegistered(workerId, "late@example.com", "Lee", "DE", referrerId));
        await ExpectBalanceAsync(referrer, 0.20m, 0.20m, "5% of both tasks' pay, paid when the referral is heard");

        await PublishAsync(new TaskConfirmed("late-3", jobId, workerId, employerId, 2m));
        await ExpectBalanceAsync(referrer, 0.30m, 0.30m, "and on the next task at its confirmation");
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Select<UserRegistered>(m => m.Context.Message.UserId == workerId).Count() == 2, "both heard");
        (await PaymentsApi.BalanceAsync(referrer)).Should().Be((0.30m, 0.30m, 0m), "each bonus once");
        await ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task Deactivating_gives_back_unused_positions_keeps_the_units_of_tasks_in_flight_and_reopening_holds_them_again()
    {
        var (employerId, employer) = await api.UserWithAsync(20m);
        var workerId = PaymentsApi.NewId();
        var jobId = PaymentsApi.NewId();
        await FundedAsync(employer, jobId, 5, 1m); // 5.50 held
        await PublishAsync(new TaskApplied("done", jobId, workerId, employerId, null, null));
        await PublishAsync(new TaskApplied("review", jobId, workerId, employerId, null, null) { Status = "pending" });
        await PublishAsync(new TaskApplied("running", jobId, PaymentsApi.NewId(), employerId, null, null));
        await PublishAsync(new TaskConfirmed("done", jobId, workerId, employerId, 1m));
        await ExpectBalanceAsync(employer, 18.90m, 14.50m, "one task paid, 4 positions held");
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Select<TaskApplied>(m => m.Context.Message.JobId == jobId).Count() == 3, "every apply heard");

        await PublishAsync(new JobStatusChanged(jobId, employerId, "active", "inactive"));
        await ExpectBalanceAsync(employer, 18.90m, 16.70m, "two tasks in flight keep 2 × 1.10; two unused positions come back");

        await PublishAsync(new TaskStatusChanged("running", jobId, workerId, "running", "failed"));
        await ExpectBalanceAsync(employer, 18.90m, 17.80m, "a failed task's unit comes back from a closed job");

        (await ReopenAsync(employer, jobId)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await ExpectBalanceAsync(employer, 18.90m, 14.50m, "reopened, the 4 unpaid positions are held again");

        await PublishAsync(new TaskConfirmed("review", jobId, workerId, employerId, 1m));
        await PublishAsync(new JobStatusChanged(jobId, employerId, "active", "expired") { OccurredAt = DateTimeOffset.UtcNow.AddSeconds(1) });
        await ExpectBalanceAsync(employer, 17.80m, 17.80m, "expired with nothing in flight: all that is unpaid comes back");
        await ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task A_task_that_starts_failed_or_declined_an_agents_data_dump_keeps_no_unit_of_a_closed_job()
    {
        var (employerId, employer) = await api.UserWithAsync(20m);
        var jobId = PaymentsApi.NewId();
        await FundedAsync(employer, jobId, 5, 1m); // 5.50 held
        await PublishAsync(new TaskApplied("dump-pending", jobId, PaymentsApi.NewId(), employerId, null, "phone") { Status = "pending" });
        await PublishAsync(new TaskApplied("dump-failed", jobId, PaymentsApi.NewId(), employerId, null, "phone") { Status = "failed" });
        await PublishAsync(new TaskApplied("dump-declined", jobId, PaymentsApi.NewId(), employerId, null, "phone") { Status = "declined" });
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Select<TaskApplied>(m => m.Context.Message.JobId == jobId).Count() == 3, "every apply heard");

        await PublishAsync(new JobStatusChanged(jobId, employerId, "active", "inactive"));

        await ExpectBalanceAsync(employer, 20m, 18.90m, "only the pending dump is in flight: one unit of 1.10 stays held");
        await ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task Reopening_needs_the_balance_to_cover_the_unpaid_positions_again()
    {
        var (_, employer, jobId) = await SwitchedOffJobAsync(2.20m);
        (await PaymentsApi.WithdrawAsync(employer, 1.10m)).StatusCode.Should().Be(HttpStatusCode.OK);

        var refused = await ReopenAsync(employer, jobId);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await PaymentsApi.BalanceAsync(employer)).Should().Be((1.10m, 1.10m, 0m), "nothing moved");
        (await ReopenAsync(employer, PaymentsApi.NewId())).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_reopening_without_a_usable_reopen_id_or_a_token_is_refused_and_holds_nothing()
    {
        var (_, employer, jobId) = await SwitchedOffJobAsync(10m);
        var path = $"/internal/job-funding/{jobId}/reopen";

        foreach (var body in new[] { new JsonObject(), new JsonObject { ["reopen_id"] = "" }, new JsonObject { ["reopen_id"] = 42 },
                     new JsonObject { ["reopen_id"] = new string('r', 65) } })
            (await employer.PostAsJsonAsync(path, body)).StatusCode.Should().Be(HttpStatusCode.BadRequest, body.ToJsonString());
        (await employer.PostAsync(path, new StringContent("{\"reopen_id\":", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest, "a body that isn't JSON");
        (await api.CreateClient().PostAsJsonAsync(path, new JsonObject { ["reopen_id"] = "anonymous" })).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized);

        (await PaymentsApi.BalanceAsync(employer)).Should().Be((10m, 10m, 0m), "no refused reopening held anything");
    }

    /// <summary>An employer with <paramref name="balance"/> whose job of 2 positions at 1.00 (2.20 held) was switched off with nothing in flight: all of it back.</summary>
    private async Task<(string EmployerId, HttpClient Employer, string JobId)> SwitchedOffJobAsync(decimal balance)
    {
        var (employerId, employer) = await api.UserWithAsync(balance);
        var jobId = PaymentsApi.NewId();
        await FundedAsync(employer, jobId, 2, 1m);
        await PublishAsync(new JobStatusChanged(jobId, employerId, "active", "inactive"));
        await ExpectBalanceAsync(employer, balance, balance, "switched off with nothing in flight: all comes back");
        return (employerId, employer, jobId);
    }

    private static Task<HttpResponseMessage> ReopenAsync(HttpClient employer, string jobId, string? reopenId = null) =>
        employer.PostAsJsonAsync($"/internal/job-funding/{jobId}/reopen", new JsonObject { ["reopen_id"] = reopenId ?? PaymentsApi.NewId() });

    [Fact]
    public async Task A_reopening_jobs_gives_up_gives_its_money_back_unless_a_later_one_or_the_jobs_own_status_came_since()
    {
        var (employerId, employer, jobId) = await SwitchedOffJobAsync(10m);

        (await ReopenAsync(employer, jobId, "first")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await ExpectBalanceAsync(employer, 10m, 7.80m, "held again for the switch back on");
        await PublishAsync(new JobReopenAbandoned(jobId, employerId, "first"));
        await ExpectBalanceAsync(employer, 10m, 10m, "Jobs gave the switch up: the money comes back");

        (await ReopenAsync(employer, jobId, "second")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await ReopenAsync(employer, jobId, "third")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await PublishAsync(new JobReopenAbandoned(jobId, employerId, "second"));
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Select<JobReopenAbandoned>(m => m.Context.Message.ReopenId == "second").Any(), "heard");
        await ExpectBalanceAsync(employer, 10m, 7.80m, "a later switch is under way: giving up an earlier one changes nothing");
        await PublishAsync(new JobStatusChanged(jobId, employerId, "inactive", "active"));
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Select<JobStatusChanged>(m => m.Context.Message.JobId == jobId && m.Context.Message.Status == "active").Any(), "heard");
        await PublishAsync(new JobReopenAbandoned(jobId, employerId, "third"));
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Select<JobReopenAbandoned>(m => m.Context.Message.ReopenId == "third").Any(), "heard");
        await ExpectBalanceAsync(employer, 10m, 7.80m, "the job's own word (active) settled the switch: it holds");
        await ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task An_abandoned_job_gives_its_money_back_and_can_not_be_funded_again()
    {
        var (employerId, employer) = await api.UserWithAsync(5m);
        var jobId = PaymentsApi.NewId();
        await FundedAsync(employer, jobId, 2, 1m);
        var neverFunded = PaymentsApi.NewId();

        await PublishAsync(new JobFundingAbandoned(jobId, employerId));
        await PublishAsync(new JobFundingAbandoned(neverFunded, employerId));
        await ExpectBalanceAsync(employer, 5m, 5m, "the abandoned job's hold came back");
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Any<JobFundingAbandoned>(m => m.Context.Message.JobId == neverFunded), "both heard");

        (await PaymentsApi.FundJobAsync(employer, jobId, 2, 1m)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await PaymentsApi.FundJobAsync(employer, neverFunded, 2, 1m)).StatusCode.Should().Be(HttpStatusCode.Conflict,
            "a funding request that arrives after its job was abandoned is refused");
        (await PaymentsApi.BalanceAsync(employer)).Should().Be((5m, 5m, 0m));
        await ExpectLedgerAddsUpAsync();
    }

    private async Task<decimal> RevenueAsync() => (await api.RecomputedBalancesAsync()).GetValueOrDefault(Accounts.Revenue);

    private Task ExpectLedgerAddsUpAsync() => api.ExpectLedgerAddsUpAsync();

    [Fact]
    public async Task A_thousand_confirmations_of_one_job_at_once_pay_each_task_once_and_every_balance_equals_its_postings()
    {
        var (employerId, employer) = await api.UserWithAsync(20m);
        var jobId = PaymentsApi.NewId();
        await FundedAsync(employer, jobId, 1000, 0.01m);
        var workers = Enumerable.Range(0, 10).Select(_ => PaymentsApi.NewId()).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => PublishAsync(new TaskConfirmed($"many-{i}", jobId, workers[i % 10], employerId, 0.01m))));
        // Half of them again, as a redelivery would bring them.
        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => PublishAsync(new TaskConfirmed($"many-{i}", jobId, workers[i % 10], employerId, 0.01m))));

        await ExpectBalanceAsync(employer, 9m, 9m, "all 1,000 positions paid: the 11.00 hold is spent");
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Select<TaskConfirmed>(m => m.Context.Message.JobId == jobId).Count() == 1500, "every delivery heard");
        foreach (var worker in workers) (await PaymentsApi.BalanceAsync(api.ClientFor(worker))).Should().Be((1m, 1m, 0m), "100 tasks × 0.01, each once");
        await ExpectLedgerAddsUpAsync();
    }

    [Fact]
    public async Task Every_event_Payments_consumes_delivered_twice_moves_money_as_once()
    {
        var (employerId, employer) = await api.UserWithAsync(10m);
        var (referrerId, referrer) = await api.UserWithAsync(0m);
        var workerId = PaymentsApi.NewId();
        var worker = api.ClientFor(workerId);
        var jobId = PaymentsApi.NewId();
        var abandonedId = PaymentsApi.NewId();
        await FundedAsync(employer, jobId, 4, 1m); // 4.40 held
        await FundedAsync(employer, abandonedId, 1, 1m); // 1.10 held
        var now = DateTimeOffset.UtcNow;

        // Each event twice, as two messages (a replayed outbox, a redelivery after a lost acknowledgement): the inbox
        // can't tell them apart, so only the ledger's keys and the handlers' rules keep the money right.
        async Task TwiceAsync<T>(T message) where T : class
        {
            await PublishAsync(message);
            await PublishAsync(message);
        }
        await TwiceAsync(new UserRegistered(workerId, "w@example.com", "Wendy", "DE", referrerId) { OccurredAt = now });
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Select<UserRegistered>(m => m.Context.Message.UserId == workerId).Count() == 2, "the referral heard twice");
        await TwiceAsync(new JobFundingAbandoned(abandonedId, employerId) { OccurredAt = now });
        await TwiceAsync(new TaskApplied("r-paid", jobId, workerId, employerId, null, null) { OccurredAt = now });
        await TwiceAsync(new TaskApplied("r-open", jobId, workerId, employerId, null, null) { OccurredAt = now });
        await TwiceAsync(new TaskApplied("r-failed", jobId, workerId, employerId, null, null) { OccurredAt = now });
        await TwiceAsync(new TaskSubmitted("r-open", jobId, workerId, "pending", 1m) { OccurredAt = now.AddSeconds(1) });
        await TwiceAsync(new TaskConfirmed("r-paid", jobId, workerId, employerId, 1m) { OccurredAt = now.AddSeconds(1) });
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Select<TaskApplied>(m => m.Context.Message.JobId == jobId).Count() == 6, "every apply heard");
        await TwiceAsync(new JobStatusChanged(jobId, employerId, "active", "inactive") { OccurredAt = now.AddSeconds(2) });
        await TwiceAsync(new TaskStatusChanged("r-failed", jobId, workerId, "running", "failed") { OccurredAt = now.AddSeconds(3) });
        await TwiceAsync(new TaskFinished("r-failed", jobId, "failed") { OccurredAt = now.AddSeconds(4) });

        await ExpectBalanceAsync(worker, 1m, 1m, "paid once, and the open task's pay pending once");
        (await PaymentsApi.BalanceAsync(worker)).Pending.Should().Be(1m);
        await ExpectBalanceAsync(referrer, 0.05m, 0.05m, "one bonus");
        // 10 - 4.40 - 1.10, then: the abandoned 1.10 back; r-paid's unit spent; closed with r-open in flight: 1 unit held.
        await ExpectBalanceAsync(employer, 8.90m, 7.80m, "every event counted once");
        await Eventually.HoldsAsync(() => api.Harness.Consumed.Select<TaskFinished>(m => m.Context.Message.TaskId == "r-failed").Count() == 2, "all heard");
        (await PaymentsApi.BalanceAsync(employer)).Should().Be((8.90m, 7.80m, 0m));
        await ExpectLedgerAddsUpAsync();
    }
}
