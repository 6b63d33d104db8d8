using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Contracts.Jobs;

namespace Jobs.Api.Tests;

public sealed class CreateJobTests(JobsApi api) : IClassFixture<JobsApi>
{
    private readonly HttpClient _owner = api.ClientFor(JobsApi.NewUserId(), "Owner One", "IN");

    [Fact]
    public async Task A_valid_job_is_created_active_with_the_reference_shape()
    {
        var id = await api.CreateJobAsync(_owner, j => j["Target_Workers"] = new JsonArray("us", "worldwide"));

        var job = (await _owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;

        job["_id"]!.GetValue<string>().Should().Be(id);
        job["job_id"]!.GetValue<string>().Should().Be(id);
        job["status"]!.GetValue<string>().Should().Be("active");
        job["category"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Equal("Google");
        job["Target_Workers"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Equal("US", "worldwide");
        job["duration"]!.GetValue<string>().Should().Be("3");
        job["positions"]!.GetValue<string>().Should().Be("3");
        job["job_price"]!.GetValue<decimal>().Should().Be(0.06m);
        job["user"]!["name"]!.GetValue<string>().Should().Be("Owner One");
        foreach (var counter in new[] { "totla_tasks_count", "tasks_done_count", "tasks_confirmed_count", "tasks_running_count", "tasks_pending_count" })
            job[counter]!.GetValue<int>().Should().Be(0, counter);
        foreach (var schema in new[] { "automation_id", "automation_parameters_schema", "job_variables_schema", "bucket_schema" })
            job.ContainsKey(schema).Should().BeTrue(schema);
        job["added"].Should().NotBeNull();
    }

    [Fact]
    public async Task Creating_a_job_publishes_JobCreated_with_its_targeting_gates_price_and_duration()
    {
        var id = await api.CreateJobAsync(_owner, j =>
        {
            j["Target_Workers"] = new JsonArray("de");
            j["premium"] = true;
            j["few_times"] = true;
            j["daily_limit"] = 4;
        });

        var created = await api.PublishedAsync<JobCreated>(e => e.JobId == id);
        var job = (await _owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;

        created.TargetWorkers.Should().Equal("DE");
        created.Premium.Should().BeTrue();
        created.FewTimes.Should().BeTrue();
        created.DailyLimit.Should().Be(4);
        created.JobPrice.Should().Be(job["job_price"]!.GetValue<decimal>());
        created.Positions.Should().Be(3);
        created.Categories.Should().Equal("Google");
        created.Added.Should().Be(job["added"]!.GetValue<DateTime>());
        created.ExpiresAt.Should().Be(created.Added.AddDays(3));
        created.AutomationId.Should().BeNull();
    }

    [Theory]
    [InlineData("title")]
    [InlineData("category")]
    [InlineData("description")]
    [InlineData("proof")]
    [InlineData("duration")]
    [InlineData("positions")]
    [InlineData("job_price")]
    public async Task A_missing_required_field_is_a_400_naming_it(string field)
    {
        var response = await _owner.PostAsJsonAsync("/api/v1/jobs", JobsApi.ValidJob(j => j.Remove(field)));

        await ExpectValidationError(response, $"{field} is required");
    }

    [Theory]
    [InlineData("positions", "\"3\"", "positions must be an integer")]
    [InlineData("duration", "1.5", "duration must be an integer")]
    [InlineData("job_price", "\"0.06\"", "job_price must be a number")]
    [InlineData("title", "42", "title must be a string")]
    [InlineData("premium", "\"yes\"", "premium must be a boolean")]
    [InlineData("Target_Workers", "\"US\"", "Target_Workers must be an array of strings")]
    public async Task A_field_of_the_wrong_type_is_a_400_not_a_500(string field, string json, string message)
    {
        var body = JobsApi.ValidJob(j => j[field] = JsonNode.Parse(json));

        var response = await _owner.PostAsJsonAsync("/api/v1/jobs", body);

        await ExpectValidationError(response, message);
    }

    [Theory]
    [InlineData("positions", "0", "positions must be from 1")]
    [InlineData("duration", "0", "duration must be from 1")]
    [InlineData("job_price", "0", "job_price must be greater than 0")]
    [InlineData("job_price", "-1", "job_price must be greater than 0")]
    [InlineData("job_price", "0.12345", "job_price must have at most 4 decimals")]
    [InlineData("daily_limit", "-1", "daily_limit must be 0 or more")]
    [InlineData("positions", "99999999999", "positions must be from 1")]
    [InlineData("positions", "1e40", "positions must be from 1")]
    [InlineData("positions", "-1e40", "positions must be from 1")]
    [InlineData("positions", "2.5", "positions must be an integer")]
    [InlineData("category", "\"Astrology\"", "category 'Astrology' is not one of")]
    [InlineData("Target_Workers", "[\"XX\"]", "is neither an ISO 3166 alpha-2 country code nor 'worldwide'")]
    [InlineData("Target_Workers", "[]", "Target_Workers must not be empty")]
    [InlineData("job_type", "\"robots\"", "job_type must be one of")]
    public async Task An_out_of_range_value_is_a_400(string field, string json, string message)
    {
        var response = await _owner.PostAsJsonAsync("/api/v1/jobs", JobsApi.ValidJob(j => j[field] = JsonNode.Parse(json)));

        await ExpectValidationError(response, message);
    }

    [Fact]
    public async Task Too_long_texts_are_refused()
    {
        var response = await _owner.PostAsJsonAsync("/api/v1/jobs", JobsApi.ValidJob(j =>
        {
            j["title"] = new string('t', 201);
            j["description"] = new string('d', 10_001);
            j["proof"] = new string('p', 10_001);
        }));

        var errors = await ExpectValidationError(response, "title must be at most 200 characters");
        errors.Should().Contain(e => e.StartsWith("description must be at most", StringComparison.Ordinal));
        errors.Should().Contain(e => e.StartsWith("proof must be at most", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_broken_rule_is_listed_at_once()
    {
        var response = await _owner.PostAsJsonAsync("/api/v1/jobs", new JsonObject { ["title"] = "x" });

        var errors = await ExpectValidationError(response, "category is required");
        errors.Should().Contain(["description is required", "proof is required", "duration is required", "positions is required", "job_price is required"]);
    }

    [Fact]
    public async Task Types_and_ranges_are_listed_in_one_response()
    {
        var response = await _owner.PostAsJsonAsync("/api/v1/jobs", JobsApi.ValidJob(j =>
        {
            j["positions"] = "3";
            j["premium"] = "yes";
            j["duration"] = 0;
            j["job_price"] = 0.12345;
            j["category"] = "Astrology";
            j["Target_Workers"] = new JsonArray("XX");
            j["title"] = new string('t', 201);
        }));

        var errors = await ExpectValidationError(response, "positions must be an integer");
        errors.Should().BeEquivalentTo(
            "positions must be an integer",
            "premium must be a boolean",
            "duration must be from 1 to 3650 days",
            "job_price must have at most 4 decimals",
            $"category 'Astrology' is not one of: {string.Join(", ", Jobs.Domain.Jobs.JobRules.Categories)}",
            "Target_Workers: 'XX' is neither an ISO 3166 alpha-2 country code nor 'worldwide'",
            "title must be at most 200 characters");
    }

    [Fact]
    public async Task A_body_over_1_MB_is_refused_with_413()
    {
        var body = JobsApi.ValidJob(j => j["description"] = new string('x', 1_100_000));

        var response = await _owner.PostAsJsonAsync("/api/v1/jobs", body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"a string\"")]
    [InlineData("{not json")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_json_object_is_a_400(string raw)
    {
        var response = await _owner.PostAsync("/api/v1/jobs", new StringContent(raw, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_devices_automation_job_needs_an_existing_automation()
    {
        var missing = await _owner.PostAsJsonAsync("/api/v1/jobs", JobsApi.ValidJob(j => j["job_type"] = "devices_automation"));
        var unknown = await _owner.PostAsJsonAsync("/api/v1/jobs", JobsApi.ValidJob(j =>
        {
            j["job_type"] = "devices_automation";
            j["automation_id"] = Guid.NewGuid().ToString();
        }));
        var malformed = await _owner.PostAsJsonAsync("/api/v1/jobs", JobsApi.ValidJob(j => j["automation_id"] = "not-a-uuid"));

        await ExpectValidationError(missing, "automation_id is required when job_type is devices_automation");
        await ExpectValidationError(unknown, "automation_id does not exist");
        await ExpectValidationError(malformed, "automation_id must be a UUID");
    }

    [Fact]
    public async Task Without_a_valid_token_the_route_answers_401()
    {
        var anonymous = api.CreateClient();
        var expired = api.ClientWithToken(api.Tokens.Expired(JobsApi.NewUserId()));
        var foreign = api.ClientWithToken(api.Tokens.For(JobsApi.NewUserId(), foreignKey: true));
        var tampered = api.ClientWithToken(api.Tokens.Tampered(JobsApi.NewUserId(), JobsApi.NewUserId()));
        var wrongAudience = api.ClientWithToken(api.Tokens.For(JobsApi.NewUserId(), audience: "someone-else"));

        foreach (var client in new[] { anonymous, expired, foreign, tampered, wrongAudience })
            (await client.PostAsJsonAsync("/api/v1/jobs", JobsApi.ValidJob())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    internal static async Task<IReadOnlyList<string>> ExpectValidationError(HttpResponseMessage response, string message)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, text);
        var body = JsonNode.Parse(text)!.AsObject();
        body["error"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        var errors = body["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        errors.Should().Contain(e => e.Contains(message, StringComparison.Ordinal), text);
        return errors;
    }
}
