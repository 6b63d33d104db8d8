using System.Net;
using Jobs.Infrastructure.Persistence;
using Platform.Contracts.Tasks;
using Platform.Persistence;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Application.Jobs;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Jobs;

namespace Jobs.Api.Tests;

/// <summary>
/// A job is paid for before it is posted: Payments (here <see cref="FakePayments"/>) holds its cost, a balance that
/// doesn't cover it refuses the post, and a post whose funding can't be confirmed leaves no job and tells Payments.
/// </summary>
public sealed class JobFundingTests(JobsApi api) : IClassFixture<JobsApi>
{
    private static Task<HttpResponseMessage> SetStatus(HttpClient client, string jobId, string status) =>
        client.PatchAsJsonAsync($"/api/v1/jobs/{jobId}/status", new { status });

    private static async Task<JsonArray> MyJobsAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("/api/v1/jobs/mine"))!["jobs"]!.AsArray();

    [Fact]
    public async Task A_funded_job_is_posted_and_its_price_is_what_the_employer_was_charged()
    {
        var owner = JobsApi.NewUserId();
        var id = await api.CreateJobAsync(api.ClientFor(owner), j => { j["positions"] = 3; j["job_price"] = 0.06; });

        var job = (await api.ClientFor(owner).GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;
        job["price"]!.GetValue<string>().Should().Be("0.198", "3 × (0.06 + a 10% fee of 0.006)");
        job["job_price"]!.GetValue<decimal>().Should().Be(0.06m, "the worker's pay per task is unchanged");
        api.Payments.Held[id].Should().Be((owner, 0.198m));
        api.Payments.BalanceOf(owner).Should().Be(FakePayments.DefaultBalance - 0.198m);
        await api.PublishedAsync<JobCreated>(e => e.JobId == id);
    }

    [Fact]
    public async Task A_balance_that_does_not_cover_the_job_refuses_the_post_and_no_job_exists()
    {
        var owner = JobsApi.NewUserId();
        api.Payments.SetBalance(owner, 0.19m);
        var client = api.ClientFor(owner);

        var response = await client.PostAsJsonAsync("/api/v1/jobs", JobsApi.ValidJob(j => { j["positions"] = 3; j["job_price"] = 0.06; }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().StartWith("Insufficient balance to fund this job");
        (await MyJobsAsync(client)).Should().BeEmpty("a refused post leaves no job");
        api.Payments.BalanceOf(owner).Should().Be(0.19m);
        api.Published<JobCreated>(e => e.OwnerId == owner).Should().BeEmpty();

        api.Payments.SetBalance(owner, 0.198m);
        await api.CreateJobAsync(client, j => { j["positions"] = 3; j["job_price"] = 0.06; });
        api.Payments.BalanceOf(owner).Should().Be(0m, "a balance that covers the job exactly is enough");
    }

    [Fact]
    public async Task When_payments_does_not_answer_the_post_fails_with_503_no_job_exists_and_payments_hears_it_was_abandoned()
    {
        var owner = JobsApi.NewUserId();
        var client = api.ClientFor(owner);
        api.Payments.Down = true;
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsJsonAsync("/api/v1/jobs", JobsApi.ValidJob());
        }
        finally
        {
            api.Payments.Down = false;
        }

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Contain("nothing was charged");
        (await MyJobsAsync(client)).Should().BeEmpty();
        var abandoned = await api.PublishedAsync<JobFundingAbandoned>(e => e.OwnerId == owner);
        (await client.GetAsync($"/api/v1/jobs/{abandoned.JobId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        api.Published<JobCreated>(e => e.OwnerId == owner).Should().BeEmpty();
    }

    [Fact]
    public async Task Switching_an_inactive_job_back_on_needs_its_positions_funded_again()
    {
        var owner = JobsApi.NewUserId();
        var client = api.ClientFor(owner);
        var id = await api.CreateJobAsync(client);
        (await SetStatus(client, id, "inactive")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        api.Payments.SetBalance(owner, 0m);
        var refused = await SetStatus(client, id, "active");
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().StartWith("Insufficient balance");
        (await client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!["status"]!.GetValue<string>().Should().Be("inactive");

        api.Payments.SetBalance(owner, 10m);
        (await SetStatus(client, id, "active")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!["status"]!.GetValue<string>().Should().Be("active");
        (await SetStatus(client, id, "inactive")).StatusCode.Should().Be(HttpStatusCode.NoContent, "switching off asks nothing of Payments");
    }

    [Fact]
    public async Task A_post_left_waiting_for_its_funding_is_abandoned_by_the_sweep_and_never_shown()
    {
        var owner = JobsApi.NewUserId();
        var client = api.ClientFor(owner);
        // A post that stops half way: the job is saved, waiting for its funding, and nothing more happens to it.
        var stuck = Jobs.Domain.Jobs.Job.Post(Platform.Application.Ids.ObjectIds.New(), new Jobs.Domain.Jobs.JobOwner(owner, "Ann", "US"),
            new Jobs.Domain.Jobs.JobTerms("Stuck", ["Google"], "d", "p", false, false, null, ["worldwide"], false, false, false, 3, 3, 0, 0.06m, "manual", "action", null),
            null, DateTime.UtcNow.AddMinutes(-5));
        await api.Services.GetRequiredService<Jobs.Application.Ports.IJobRepository>().AddAsync(stuck, CancellationToken.None);
        (await client.GetAsync($"/api/v1/jobs/{stuck.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a job waiting for its funding is seen by nobody");
        (await MyJobsAsync(client)).Should().BeEmpty();

        await using var scope = api.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        (await mediator.Send(new AbandonUnfundedJobs(TimeSpan.FromMinutes(2)))).Value.Should().BeGreaterThanOrEqualTo(1);

        await api.PublishedAsync<JobFundingAbandoned>(e => e.JobId == stuck.Id && e.OwnerId == owner);
        (await mediator.Send(new AbandonUnfundedJobs(TimeSpan.FromMinutes(2)))).Value.Should().Be(0, "a job is abandoned once");
        (await client.GetAsync($"/api/v1/jobs/{stuck.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<(string Owner, HttpClient Client, string JobId)> InactiveJobAsync()
    {
        var owner = JobsApi.NewUserId();
        var client = api.ClientFor(owner);
        var id = await api.CreateJobAsync(client);
        (await SetStatus(client, id, "inactive")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        return (owner, client, id);
    }

    private async Task<JobDocument> StoredAsync(string jobId) =>
        (await api.Services.GetRequiredService<IDocumentStore>().Collection<JobDocument>(JobRepository.CollectionName).GetAsync(jobId))!;

    [Fact]
    public async Task A_switch_back_on_whose_job_changes_while_payments_funds_it_still_switches_it_on()
    {
        var (owner, client, id) = await InactiveJobAsync();
        // While Payments holds the money again, a task event moves the job's counters: the job's version moves on.
        api.Payments.OnReopen = async jobId =>
        {
            if (jobId == id) await api.DeliverAsync(new TaskApplied("t-" + Guid.NewGuid().ToString("N"), id, "w", owner, null, null));
        };
        try
        {
            var response = await SetStatus(client, id, "active");

            response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            api.Payments.OnReopen = null;
        }
        var job = await StoredAsync(id);
        (job.Status, job.TotalTasks, job.ReopenId).Should().Be(("active", 1, null));
        api.Published<JobReopenAbandoned>(e => e.JobId == id).Should().BeEmpty("the money held again is the active job's");
    }

    [Fact]
    public async Task A_switch_back_on_that_is_refused_or_unanswered_leaves_the_job_inactive_and_gives_back_what_payments_may_hold()
    {
        var (owner, client, id) = await InactiveJobAsync();

        api.Payments.SetBalance(owner, 0m);
        (await SetStatus(client, id, "active")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        api.Payments.SetBalance(owner, 10m);
        api.Payments.Down = true;
        try
        {
            var unanswered = await SetStatus(client, id, "active");
            unanswered.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await unanswered.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be(ChangeJobStatusHandler.CouldNotFund);
        }
        finally
        {
            api.Payments.Down = false;
        }

        var job = await StoredAsync(id);
        (job.Status, job.ReopenId).Should().Be(("inactive", null));
        (await api.PublishedAsync<JobReopenAbandoned>(e => e.JobId == id && e.OwnerId == owner)).ReopenId.Should().NotBeNullOrEmpty(
            "Payments may have held the money without its answer arriving: it is told to give it back");
    }

    [Fact]
    public async Task A_switch_back_on_that_stopped_after_its_funding_is_given_up_by_the_sweep_and_its_money_given_back()
    {
        var (owner, _, id) = await InactiveJobAsync();
        // A switch that stops half way: the job is marked, Payments holds the money under the reopening's id, and nothing more happens.
        var repository = api.Services.GetRequiredService<Jobs.Application.Ports.IJobRepository>();
        var job = (await repository.GetAsync(id, CancellationToken.None))!;
        job.BeginReopening("stopped-reopening", DateTime.UtcNow.AddMinutes(-5));
        await repository.SaveAsync(job, CancellationToken.None);

        await using var scope = api.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AbandonUnfundedJobs(TimeSpan.FromMinutes(2)))).Value.Should().BeGreaterThanOrEqualTo(1);

        await api.PublishedAsync<JobReopenAbandoned>(e => e.JobId == id && e.ReopenId == "stopped-reopening" && e.OwnerId == owner);
        var stored = await StoredAsync(id);
        (stored.Status, stored.ReopenId).Should().Be(("inactive", null));
    }
}
