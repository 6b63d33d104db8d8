using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Identity;
using Platform.Contracts.Jobs;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

public sealed class RunningPlatform : IAsyncLifetime
{
    public PlatformInstance Platform { get; } = PlatformInstance.Create();
    public EventProbe Probe { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Platform.StartAsync();
        Probe = await EventProbe.StartAsync(Platform.RabbitUrl);
    }

    public async Task DisposeAsync()
    {
        await Probe.DisposeAsync();
        await Platform.DisposeAsync();
        Platform.DeleteData();
    }
}

/// <summary>The test classes that share one running platform (started once for all of them).</summary>
[CollectionDefinition(Name)]
public sealed class RunningPlatformCollection : ICollectionFixture<RunningPlatform>
{
    public const string Name = "running platform";
}

/// <summary>The whole system through the gateway, as an API consumer sees it.</summary>
[Collection(RunningPlatformCollection.Name)]
public sealed class PlatformTests(RunningPlatform running)
{
    private PlatformInstance Platform => running.Platform;

    private static JsonObject Job(string title, decimal price, string category = "Google", params string[] targets) => new()
    {
        ["title"] = title,
        ["category"] = category,
        ["description"] = $"{title}: do it well.",
        ["proof"] = "A screenshot",
        ["duration"] = 7,
        ["positions"] = 5,
        ["job_price"] = price,
        ["Target_Workers"] = new JsonArray(targets.Length == 0 ? ["worldwide"] : targets.Select(t => (JsonNode)t!).ToArray()),
    };

    private static async Task<string> Create(User user, JsonObject job)
    {
        var response = await user.Client.PostAsJsonAsync("/api/v1/jobs", job);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["job_id"]!.GetValue<string>();
    }

    private static async Task<JsonNode> Get(User user, string path)
    {
        var response = await user.Client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Two_users_post_find_share_and_guard_jobs_through_the_gateway()
    {
        var employer = await Platform.RegisterAsync("Employer");
        var worker = await Platform.RegisterAsync("Worker", "DE");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await employer.DepositAsync(50m);

        var cheap = await Create(employer, Job($"{tag} cheap signup", 0.05m));
        var dear = await Create(employer, Job($"{tag} premium review", 2.5m, "Review", "DE"));
        var indian = await Create(employer, Job($"{tag} local survey", 0.75m, "Survey", "IN"));

        var search = await Get(worker, $"/api/v1/jobs?searchTerm={tag}&SortBY=job_price&orientation=desc&limit=2");
        search["total"]!.GetValue<long>().Should().Be(3);
        search["jobs"]!.AsArray().Select(j => j!["job_id"]!.GetValue<string>()).Should().Equal(dear, indian);
        var page2 = await Get(worker, $"/api/v1/jobs?searchTerm={tag}&SortBY=job_price&orientation=desc&limit=2&page=2");
        page2["jobs"]!.AsArray().Select(j => j!["job_id"]!.GetValue<string>()).Should().Equal(cheap);
        var forGermany = await Get(worker, $"/api/v1/jobs?searchTerm={tag}&location=DE");
        forGermany["jobs"]!.AsArray().Select(j => j!["job_id"]!.GetValue<string>()).Should().BeEquivalentTo([cheap, dear]);
        var reviews = await Get(worker, $"/api/v1/jobs?searchTerm={tag}&job_category=review&min_price=1");
        reviews["jobs"]!.AsArray().Select(j => j!["job_id"]!.GetValue<string>()).Should().Equal(dear);

        // The worker can't change the employer's job; once inactive it is private to the employer.
        (await worker.Client.PatchAsJsonAsync($"/api/v1/jobs/{cheap}/status", new { status = "inactive" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await employer.Client.PatchAsJsonAsync($"/api/v1/jobs/{cheap}/status", new { status = "inactive" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Get(worker, $"/api/v1/jobs?searchTerm={tag}"))["total"]!.GetValue<long>().Should().Be(2);
        (await worker.Client.GetAsync($"/api/v1/jobs/{cheap}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Get(worker, "/api/v1/jobs/mine"))["total"]!.GetValue<long>().Should().Be(0);
        (await Get(employer, "/api/v1/jobs/mine?status=inactive"))["jobs"]!.AsArray().Select(j => j!["job_id"]!.GetValue<string>()).Should().Contain(cheap);

        // An edit share lets the worker see and reactivate it (Jobs learned of the worker from UserRegistered).
        await Eventually.HoldsAsync(async () => (await employer.Client.PutAsJsonAsync($"/api/v1/jobs/{cheap}/shares/{worker.UserId}", new { permission = "edit" })).StatusCode == HttpStatusCode.NoContent,
            "Jobs learned of the worker (UserRegistered) and the share took");
        (await worker.Client.GetAsync($"/api/v1/jobs/{cheap}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await worker.Client.PatchAsJsonAsync($"/api/v1/jobs/{cheap}/status", new { status = "active" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Get(worker, $"/api/v1/jobs/{cheap}"))["status"]!.GetValue<string>().Should().Be("active");
        (await Get(worker, $"/api/v1/users/me"))["user_id"]!.GetValue<string>().Should().Be(worker.UserId);
    }

    [Fact]
    public async Task Events_reach_a_consumer_in_another_process_over_the_real_broker_in_the_requests_trace()
    {
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var employer = await Platform.RegisterAsync("Publisher");
        await employer.DepositAsync(10m);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = JsonContent.Create(Job("Traced job", 1m)) };
        request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..16]}-01");

        var response = await employer.Client.SendAsync(request);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["job_id"]!.GetValue<string>();

        var (registered, _) = await EventProbe.WaitForAsync<UserRegistered>(e => e.UserId == employer.UserId);
        registered.Email.Should().Be(employer.Email);
        var (created, traceParent) = await EventProbe.WaitForAsync<JobCreated>(e => e.JobId == jobId);
        created.OwnerId.Should().Be(employer.UserId);
        created.JobPrice.Should().Be(1m);
        traceParent.Should().Contain(traceId, "the event carries the trace of the request that raised it: gateway, service, consumer");
    }

    [Fact]
    public async Task The_gateway_refuses_what_it_must()
    {
        var user = await Platform.RegisterAsync("Guard");
        var anonymous = Platform.Gateway;
        using var tampered = new HttpClient { BaseAddress = Platform.Gateway.BaseAddress };
        tampered.DefaultRequestHeaders.Authorization = new("Bearer", user.Client.DefaultRequestHeaders.Authorization!.Parameter![..^4] + "AAAA");

        (await anonymous.GetAsync("/api/v1/jobs")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/users/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await tampered.GetAsync("/api/v1/jobs")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await user.Client.GetAsync("/api/v1/no-such-route")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await user.Client.PostAsJsonAsync("/api/v1/jobs", new { title = 5 })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await user.Client.PostAsync("/api/v1/jobs", new StringContent(new string('x', 2_000_000), System.Text.Encoding.UTF8, "application/json"))).StatusCode
            .Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await anonymous.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task One_openapi_document_describes_every_service_and_the_reference_page_serves()
    {
        var document = JsonNode.Parse(await Platform.Gateway.GetStringAsync("/api/v1/openapi.json"))!;

        document["openapi"]!.GetValue<string>().Should().StartWith("3.1");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.Should().Contain(["/api/v1/auth/register", "/api/v1/auth/token", "/api/v1/users/me", "/api/v1/jobs", "/api/v1/jobs/mine",
            "/api/v1/jobs/{job_id}", "/api/v1/jobs/{job_id}/status", "/api/v1/jobs/{job_id}/shares/{user_id}", "/api/v1/automations"]);
        document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>().Should().Be("bearer");
        document["paths"]!["/api/v1/jobs"]!["post"]!["requestBody"].Should().NotBeNull();
        (await Platform.Gateway.GetAsync("/api/v1/docs")).StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.MovedPermanently);
    }
}
