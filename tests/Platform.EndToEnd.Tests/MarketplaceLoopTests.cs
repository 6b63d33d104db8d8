using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Tasks;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The marketplace loop through the gateway: an employer deposits and posts a funded job with planned tasks, two workers
/// apply, get their variables and submit proof with a file, the employer reviews them, the job's counters follow, the
/// confirmed task is announced once and pays its worker and her referrer, and switching the job off gives the
/// employer back what its unused position held.
/// </summary>
[Collection(RunningPlatformCollection.Name)]
public sealed class MarketplaceLoopTests(RunningPlatform running)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 7, 7, 7];

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task An_employer_posts_two_workers_deliver_and_the_employer_confirms_one_and_declines_the_other()
    {
        var platform = running.Platform;
        var employer = await platform.RegisterAsync("Employer Erin");
        var rita = await platform.RegisterAsync("Referrer Rita");
        var ann = await platform.RegisterAsync("Worker Ann", "DE", referrer: rita);
        var bob = await platform.RegisterAsync("Worker Bob", "FR");
        await employer.DepositAsync(5m);

        var created = await ReadAsync(await employer.Client.PostAsJsonAsync("/api/v1/jobs", new JsonObject
        {
            ["title"] = "Create an account and send a screenshot",
            ["category"] = "Sign up",
            ["description"] = "Sign up with the email you are given.",
            ["proof"] = "The email and a screenshot",
            ["duration"] = 7,
            ["positions"] = 2,
            ["job_price"] = 0.5,
            ["files"] = new JsonArray(new JsonObject { ["name"] = "screenshot", ["required"] = true, ["types"] = new JsonArray("image/png") }),
        }), HttpStatusCode.Created);
        var job = created["job_id"]!.GetValue<string>();
        (await ReadAsync(await employer.Client.GetAsync($"/api/v1/jobs/{job}"), HttpStatusCode.OK))["price"]!.GetValue<string>()
            .Should().Be("1.10", "2 positions × (0.50 + the 10% fee)");
        (await employer.BalanceAsync()).Should().Be((5m, 3.90m, 0m), "the job's cost is held: still the employer's, not spendable");

        // Tasks hears of the job through Jobs' event; until then the job is unknown there.
        HttpResponseMessage plan = null!;
        await Eventually.HoldsAsync(async () =>
        {
            plan = await employer.Client.PostAsJsonAsync($"/api/v1/jobs/{job}/planned-tasks",
                new { inputs = new[] { """{"email":"one@example.com"}""", """{"email":"two@example.com"}""" } });
            return plan.StatusCode != HttpStatusCode.NotFound;
        }, "Tasks knows the job");
        (await ReadAsync(plan, HttpStatusCode.OK))["inserted_ids"]!.AsArray().Should().HaveCount(2);

        var taskIds = new Dictionary<User, string>();
        foreach (var worker in new[] { ann, bob })
        {
            var variables = await ReadAsync(await worker.Client.PostAsJsonAsync("/api/v1/tasks/apply", new { job_id = job }), HttpStatusCode.OK);
            variables["email"]!.GetValue<string>().Should().EndWith("@example.com");
            var submitted = await ReadAsync(await worker.Client.PostAsJsonAsync("/api/v1/tasks/submit", new
            {
                job_id = job,
                job_proof = $"Signed up as {variables["email"]}",
                custom_vars = variables.Where(v => v.Key != "job_task_id").ToDictionary(v => v.Key, v => v.Value!.GetValue<string>()),
                proof_files_base64 = new[] { new { fieldName = "screenshot", fileName = "screen.png", base64 = Convert.ToBase64String(Png) } },
            }), HttpStatusCode.Created);
            taskIds[worker] = submitted["job_task_id"]!.GetValue<string>();
        }

        var applicants = await ReadAsync(await employer.Client.GetAsync($"/api/v1/jobs/{job}/applicants?sortby=worker_name&order=asc"), HttpStatusCode.OK);
        applicants["pending_tasks"]!.GetValue<long>().Should().Be(2);
        var annTask = applicants["job_tasks"]!.AsArray()[0]!;
        annTask["worker_name"]!.GetValue<string>().Should().Be("Worker Ann");
        annTask["country_code"]!.GetValue<string>().Should().Be("DE");
        annTask["worker_ip"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        var file = annTask["proof_files_info"]!.AsArray().Single()!;
        file["type"]!.GetValue<string>().Should().Be("image/png");
        var fileUrl = file["url"]!.GetValue<string>();
        (await employer.Client.GetByteArrayAsync(fileUrl)).Should().Equal(Png, "Storage keeps the file and Tasks serves it to the employer");
        (await ann.Client.GetByteArrayAsync(fileUrl)).Should().Equal(Png);
        (await bob.Client.GetAsync(fileUrl)).StatusCode.Should().Be(HttpStatusCode.NotFound, "another worker's proof is not Bob's to see");

        async Task<decimal> PendingEarningsAsync(User worker) =>
            (await ReadAsync(await worker.Client.GetAsync("/api/v1/users/me/balance"), HttpStatusCode.OK))["pending_earnings"]!.GetValue<decimal>();
        await Eventually.HoldsAsync(async () => await PendingEarningsAsync(ann) == 0.5m, "Payments shows Ann's submitted pay as pending");

        var confirm = await employer.Client.PostAsJsonAsync("/api/v1/jobs/tasks/status",
            new JsonObject { ["JobTasks_Ids"] = new JsonArray(taskIds[ann]), ["status"] = "confirmed", ["job_id"] = job, ["comment"] = "Thanks" });
        confirm.StatusCode.Should().Be(HttpStatusCode.OK, await confirm.Content.ReadAsStringAsync());
        var decline = await employer.Client.PostAsJsonAsync("/api/v1/jobs/tasks/status",
            new JsonObject { ["JobTasks_Ids"] = new JsonArray(taskIds[bob]), ["status"] = "declined", ["job_id"] = job });
        decline.StatusCode.Should().Be(HttpStatusCode.OK);

        var after = await ReadAsync(await employer.Client.GetAsync($"/api/v1/jobs/{job}/applicants"), HttpStatusCode.OK);
        (after["satisfied_tasks"]!.GetValue<long>(), after["declined_tasks"]!.GetValue<long>(), after["pending_tasks"]!.GetValue<long>()).Should().Be((1, 1, 0));
        var annView = await ReadAsync(await ann.Client.GetAsync($"/api/v1/tasks?task_id={taskIds[ann]}"), HttpStatusCode.OK);
        (annView["status"]!.GetValue<string>(), annView["comment"]!.GetValue<string>()).Should().Be(("confirmed", "Thanks"));

        await Eventually.HoldsAsync(async () =>
        {
            var counters = await ReadAsync(await employer.Client.GetAsync($"/api/v1/jobs/{job}"), HttpStatusCode.OK);
            return counters["totla_tasks_count"]!.GetValue<int>() == 2 && counters["tasks_confirmed_count"]!.GetValue<int>() == 1 &&
                counters["tasks_done_count"]!.GetValue<int>() == 1 && counters["tasks_pending_count"]!.GetValue<int>() == 0 &&
                counters["tasks_running_count"]!.GetValue<int>() == 0;
        }, "Jobs' counters followed the tasks");

        await Eventually.HoldsAsync(async () => await PendingEarningsAsync(ann) == 0 && await PendingEarningsAsync(bob) == 0, "reviewed pay is no longer pending");

        await Eventually.HoldsAsync(async () =>
            (await ReadAsync(await bob.Client.GetAsync("/api/v1/users/me"), HttpStatusCode.OK))["rating"]!.GetValue<int>() == 0,
            "Bob's one verdict, a decline, makes his rating 0");
        (await ReadAsync(await ann.Client.GetAsync("/api/v1/users/me"), HttpStatusCode.OK))["rating"]!.GetValue<int>().Should().Be(100);

        await Eventually.HoldsAsync(async () =>
            (await platform.MailSubjectsAsync(employer.Email)).Count(s => s == "Task completed: Create an account and send a screenshot") == 2,
            "the employer got a task completion email per submission");

        var (confirmed, _) = await EventProbe.WaitForAsync<TaskConfirmed>(e => e.TaskId == taskIds[ann]);
        (confirmed.WorkerId, confirmed.EmployerId, confirmed.JobId, confirmed.Amount).Should().Be((ann.UserId, employer.UserId, job, 0.5m));

        await Eventually.HoldsAsync(async () => await ann.BalanceAsync() == (0.5m, 0.5m, 0m), "Ann was paid for her confirmed task");
        await Eventually.HoldsAsync(async () => await rita.BalanceAsync() == (0.025m, 0.025m, 0m), "Rita, who referred Ann, got 5% of Ann's pay");
        (await bob.BalanceAsync()).Should().Be((0m, 0m, 0m), "a declined task pays nothing");
        await Eventually.HoldsAsync(async () => await employer.BalanceAsync() == (4.45m, 3.90m, 0m),
            "Ann's unit left the hold; Bob's declined position stays held for the open job");

        (await employer.Client.PatchAsJsonAsync($"/api/v1/jobs/{job}/status", new { status = "inactive" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await Eventually.HoldsAsync(async () => await employer.BalanceAsync() == (4.45m, 4.45m, 0m), "switched off, the unused position's 0.55 came back");

        await Task.Delay(1000);
        EventProbe.Received.Select(r => r.Message).OfType<TaskConfirmed>().Where(e => e.JobId == job).Should().ContainSingle("one task was confirmed, once");
        (await ann.BalanceAsync()).Should().Be((0.5m, 0.5m, 0m), "paid once");
    }

    [Fact]
    public async Task A_worker_may_not_apply_twice_and_a_stranger_sees_no_applicants()
    {
        var platform = running.Platform;
        var employer = await platform.RegisterAsync("Employer Eve");
        var worker = await platform.RegisterAsync("Worker Wes");
        await employer.DepositAsync(10m);
        var job = (await ReadAsync(await employer.Client.PostAsJsonAsync("/api/v1/jobs", new JsonObject
        {
            ["title"] = "Review an app", ["category"] = "Review", ["description"] = "Write a review.", ["proof"] = "Its link",
            ["duration"] = 3, ["positions"] = 3, ["job_price"] = 0.1,
        }), HttpStatusCode.Created))["job_id"]!.GetValue<string>();

        HttpResponseMessage first = null!;
        await Eventually.HoldsAsync(async () =>
        {
            first = await worker.Client.PostAsJsonAsync("/api/v1/tasks/apply", new { job_id = job });
            return first.StatusCode != HttpStatusCode.NotFound;
        }, "Tasks knows the job");
        first.StatusCode.Should().Be(HttpStatusCode.OK);

        (await worker.Client.PostAsJsonAsync("/api/v1/tasks/apply", new { job_id = job })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await worker.Client.GetAsync($"/api/v1/jobs/{job}/applicants")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await employer.Client.PostAsJsonAsync("/api/v1/tasks/apply", new { job_id = job })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
