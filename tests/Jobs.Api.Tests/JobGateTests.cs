using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Jobs;

namespace Jobs.Api.Tests;

/// <summary>What a job says about who may take it and what they hand in (the gates Tasks applies).</summary>
public sealed class JobGateTests(JobsApi api) : IClassFixture<JobsApi>
{
    private readonly string _ownerId = JobsApi.NewUserId();
    private HttpClient Owner => api.ClientFor(_ownerId);

    private static JsonArray Files() => new(new JsonObject
    {
        ["name"] = "screenshot",
        ["required"] = true,
        ["types"] = new JsonArray("image/PNG", "image/jpeg"),
    }, new JsonObject { ["name"] = "receipt", ["types"] = new JsonArray("application/pdf", "image/*") });

    [Fact]
    public async Task The_gates_are_stored_shown_and_published()
    {
        var allowed = JobsApi.NewUserId();
        var invited = JobsApi.NewUserId().ToUpperInvariant();
        var id = await api.CreateJobAsync(Owner, j =>
        {
            j["min_rating"] = 80;
            j["allowed_workers"] = new JsonArray(allowed);
            j["Worker_Invites"] = new JsonArray(invited);
            j["task_limit"] = 2;
            j["few_times"] = true;
            j["files"] = Files();
        });

        var job = (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;
        var stranger = (await api.ClientFor(JobsApi.NewUserId()).GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;
        var created = await api.PublishedAsync<JobCreated>(e => e.JobId == id);

        job["min_rating"]!.GetValue<int>().Should().Be(80);
        job["task_limit"]!.GetValue<int>().Should().Be(2);
        job["expires_at"]!.GetValue<DateTime>().Should().Be(job["added"]!.GetValue<DateTime>().AddDays(3));
        job["files"]!.ToJsonString().Should().Be(
            "[{\"name\":\"screenshot\",\"required\":true,\"types\":[\"image/png\",\"image/jpeg\"]},{\"name\":\"receipt\",\"required\":false,\"types\":[\"application/pdf\",\"image/*\"]}]");
        job["allowed_workers"]!.AsArray().Select(w => w!.GetValue<string>()).Should().Equal(allowed);
        job["Worker_Invites"]!.AsArray().Select(w => w!.GetValue<string>()).Should().Equal(invited.ToLowerInvariant());
        stranger.ContainsKey("allowed_workers").Should().BeFalse("who may apply is the owner's business");
        stranger.ContainsKey("Worker_Invites").Should().BeFalse();
        stranger["files"]!.AsArray().Should().HaveCount(2, "a worker must know what to hand in");

        created.MinRating.Should().Be(80);
        created.TaskLimit.Should().Be(2);
        created.AllowedWorkers.Should().Equal(allowed);
        created.WorkerInvites.Should().Equal(invited.ToLowerInvariant());
        created.Files.Select(f => (f.Name, f.Required)).Should().Equal(("screenshot", true), ("receipt", false));
    }

    [Fact]
    public async Task A_job_without_gates_takes_anyone_and_no_files()
    {
        var id = await api.CreateJobAsync(Owner);

        var job = (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;

        job["min_rating"]!.GetValue<int>().Should().Be(0);
        job["task_limit"]!.GetValue<int>().Should().Be(0);
        job["files"]!.AsArray().Should().BeEmpty();
        job["allowed_workers"]!.AsArray().Should().BeEmpty();
    }

    [Theory]
    [InlineData("min_rating", "101", "min_rating must be from 0 to 100")]
    [InlineData("min_rating", "-1", "min_rating must be from 0 to 100")]
    [InlineData("min_rating", "\"high\"", "min_rating must be an integer")]
    [InlineData("task_limit", "-1", "task_limit must be 0 or more")]
    [InlineData("allowed_workers", "[\"not-an-id\"]", "allowed_workers: 'not-an-id' is not a user id")]
    [InlineData("allowed_workers", "\"0123456789abcdef01234567\"", "allowed_workers must be an array of strings")]
    [InlineData("Worker_Invites", "[42]", "Worker_Invites must be an array of strings")]
    [InlineData("files", "[{\"name\": \"a\"}]", "files[0].types is required")]
    [InlineData("files", "[{\"types\": [\"image/png\"]}]", "files[0].name is required")]
    [InlineData("files", "[{\"name\": \"a\", \"types\": []}]", "files[0].types must not be empty")]
    [InlineData("files", "[{\"name\": \"a\", \"types\": [\"png\"]}]", "files: 'png' is not a media type such as image/png or image/*")]
    [InlineData("files", "[{\"name\": \"a\", \"types\": [\"image/png\"]}, {\"name\": \"A\", \"types\": [\"image/png\"]}]", "files: each file needs a name of its own")]
    [InlineData("files", "{\"name\": \"a\"}", "files must be an array")]
    public async Task Bad_gates_are_a_400_naming_the_problem(string field, string json, string message)
    {
        var body = JobsApi.ValidJob(j => j[field] = JsonNode.Parse(json));

        var response = await Owner.PostAsJsonAsync("/api/v1/jobs", body);

        (await CreateJobTests.ExpectValidationError(response, message)).Should().Contain(message);
    }

    [Fact]
    public async Task Too_many_listed_workers_or_files_are_refused()
    {
        var workers = new JsonArray(Enumerable.Range(0, 1001).Select(_ => (JsonNode)JobsApi.NewUserId()).ToArray());
        var files = new JsonArray(Enumerable.Range(0, 11).Select(i => (JsonNode)new JsonObject { ["name"] = $"f{i}", ["types"] = new JsonArray("image/png") }).ToArray());

        var response = await Owner.PostAsJsonAsync("/api/v1/jobs", JobsApi.ValidJob(j => { j["allowed_workers"] = workers; j["files"] = files; }));

        (await CreateJobTests.ExpectValidationError(response, "allowed_workers must have at most 1000 items")).Should().Contain("files has more than 10 items");
    }
}
