using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Application.Jobs;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Contracts.Jobs;

namespace Jobs.Api.Tests;

/// <summary>Jobs on a clock the test moves: a job whose duration passed ends (expired), leaves the public list and stays the owner's.</summary>
public sealed class JobLifecycleTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ClockedJobsApi _api;
    private readonly HttpClient _owner;
    private readonly HttpClient _other;

    public JobLifecycleTests()
    {
        _api = new ClockedJobsApi(_clock);
        _owner = _api.ClientFor(JobsApi.NewUserId());
        _other = _api.ClientFor(JobsApi.NewUserId());
    }

    private async Task<int> SweepAsync()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EndDueJobs())).Value;
    }

    [Fact]
    public async Task A_job_whose_duration_passed_expires_and_the_owner_finds_it_by_that_status()
    {
        var id = await _api.CreateJobAsync(_owner, j => j["duration"] = 2);
        var longer = await _api.CreateJobAsync(_owner, j => j["duration"] = 5);

        _clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        (await SweepAsync()).Should().Be(0);
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await SweepAsync()).Should().Be(1);

        (await _owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!["status"]!.GetValue<string>().Should().Be("expired");
        var expired = JsonNode.Parse(await _owner.GetStringAsync("/api/v1/jobs/mine?status=expired"))!["jobs"]!.AsArray();
        expired.Select(j => j!["job_id"]!.GetValue<string>()).Should().Equal(id);
        JsonNode.Parse(await _other.GetStringAsync("/api/v1/jobs"))!["jobs"]!.AsArray()
            .Select(j => j!["job_id"]!.GetValue<string>()).Should().Equal(longer);
        (await _other.GetAsync($"/api/v1/jobs/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "an ended job is no longer public");
        await _api.PublishedAsync<JobStatusChanged>(e => e.JobId == id && e.Status == "expired");
        (await SweepAsync()).Should().Be(0, "a job ends once");
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("expired")]
    [InlineData("active")]
    [InlineData("inactive")]
    public async Task Mine_filters_by_every_status(string status)
    {
        var response = await _owner.GetAsync($"/api/v1/jobs/mine?status={status}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_expired_job_cannot_be_switched_back_on()
    {
        var id = await _api.CreateJobAsync(_owner, j => j["duration"] = 1);
        _clock.Advance(TimeSpan.FromDays(1));
        await SweepAsync();

        var response = await _owner.PatchAsJsonAsync($"/api/v1/jobs/{id}/status", new { status = "active" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("The job is expired; its status can no longer change");
        (await _owner.PatchAsJsonAsync($"/api/v1/jobs/{id}/status", new { status = "expired" })).StatusCode.Should().Be(HttpStatusCode.BadRequest, "only the sweep ends a job");
    }

    public void Dispose() => _api.Dispose();

    private sealed class ClockedJobsApi(TimeProvider clock) : JobsApi
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Jobs:ExpirySweepInterval", "01:00:00");
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
