using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Jobs;

namespace Jobs.Api.Tests;

public sealed class AutomationTests(JobsApi api) : IClassFixture<JobsApi>
{
    private readonly HttpClient _owner = api.ClientFor(JobsApi.NewUserId());

    private static JsonObject Schema(params JsonObject[] fields) => new() { ["fields"] = new JsonArray(fields) };

    [Fact]
    public async Task A_job_linked_to_an_automation_shows_its_three_schemas()
    {
        var created = await _owner.PostAsJsonAsync("/api/v1/automations", new JsonObject
        {
            ["name"] = "Google sign-up",
            ["automation_parameters_schema"] = Schema(new JsonObject { ["name"] = "maxRetries", ["type"] = "number", ["required"] = false, ["min"] = 1, ["max"] = 10 }),
            ["job_variables_schema"] = Schema(
                new JsonObject { ["name"] = "email", ["type"] = "string", ["required"] = true },
                new JsonObject { ["name"] = "password", ["type"] = "string", ["required"] = true }),
            ["bucket_schema"] = null,
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var automationId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["automation_id"]!.GetValue<string>();
        Guid.TryParse(automationId, out _).Should().BeTrue();

        var jobId = await api.CreateJobAsync(_owner, j => { j["job_type"] = "devices_automation"; j["automation_id"] = automationId; });
        var job = (await _owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}"))!;

        job["automation_id"]!.GetValue<string>().Should().Be(automationId);
        job["job_type"]!.GetValue<string>().Should().Be("devices_automation");
        var parameter = job["automation_parameters_schema"]!["fields"]![0]!;
        parameter["name"]!.GetValue<string>().Should().Be("maxRetries");
        parameter["min"]!.GetValue<decimal>().Should().Be(1);
        parameter["max"]!.GetValue<decimal>().Should().Be(10);
        job["job_variables_schema"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).Should().Equal("email", "password");
        job["bucket_schema"].Should().BeNull();

        // Services downstream get the same from the event alone, without calling Jobs.
        var published = await api.PublishedAsync<JobCreated>(e => e.JobId == jobId);
        published.AutomationId.Should().Be(automationId);
        published.AutomationParametersSchema!.Fields.Should().Equal(new AutomationInputField("maxRetries", "number", false, 1, 10));
        published.JobVariablesSchema!.Fields.Select(f => (f.Name, f.Required)).Should().Equal(("email", true), ("password", true));
        published.BucketSchema.Should().BeNull();
    }

    [Theory]
    [InlineData("{\"automation_parameters_schema\": null}", "name is required")]
    [InlineData("{\"name\": \"a\", \"bucket_schema\": []}", "bucket_schema must be an object")]
    [InlineData("{\"name\": \"a\", \"bucket_schema\": {}}", "bucket_schema.fields is required")]
    [InlineData("{\"name\": \"a\", \"bucket_schema\": {\"fields\": 3}}", "bucket_schema.fields must be an array")]
    [InlineData("{\"name\": \"a\", \"bucket_schema\": {\"fields\": [{\"name\": \"x\", \"type\": \"date\"}]}}", "bucket_schema.fields[0].type must be one of")]
    [InlineData("{\"name\": \"a\", \"bucket_schema\": {\"fields\": [{\"type\": \"string\"}]}}", "bucket_schema.fields[0].name is required")]
    [InlineData("{\"name\": \"a\", \"bucket_schema\": {\"fields\": [{\"name\": \"x\", \"type\": \"number\", \"min\": 5, \"max\": 1}]}}", "min must not be greater than max")]
    [InlineData("{\"name\": \"a\", \"bucket_schema\": {\"fields\": [{\"name\": \"x\", \"type\": \"number\", \"min\": \"low\"}]}}", "min must be a number")]
    [InlineData("{\"name\": \"a\", \"job_variables_schema\": {\"fields\": [{\"name\": \"x\", \"type\": \"string\"}, {\"name\": \"x\", \"type\": \"number\"}]}}", "more than one field named 'x'")]
    [InlineData("{\"name\": \"a\", \"job_variables_schema\": {\"fields\": [\"x\"]}}", "fields[0] must be an object")]
    public async Task A_malformed_schema_is_a_400(string body, string message)
    {
        var response = await _owner.PostAsync("/api/v1/automations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await CreateJobTests.ExpectValidationError(response, message);
    }

    private async Task<string> ParameterisedAutomationAsync()
    {
        var created = await _owner.PostAsJsonAsync("/api/v1/automations", new JsonObject
        {
            ["name"] = "Scroll feed",
            ["automation_parameters_schema"] = Schema(
                new JsonObject { ["name"] = "maxRetries", ["type"] = "number", ["required"] = true, ["min"] = 1, ["max"] = 10 },
                new JsonObject { ["name"] = "keyword", ["type"] = "string", ["required"] = false, ["max"] = 5 }),
        });
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["automation_id"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_jobs_automation_parameters_are_kept_shown_and_announced()
    {
        var automationId = await ParameterisedAutomationAsync();

        var jobId = await api.CreateJobAsync(_owner, j =>
        {
            j["automation_id"] = automationId;
            j["automationParameters"] = new JsonObject { ["maxRetries"] = 3, ["keyword"] = "cats" };
        });

        var job = (await _owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{jobId}"))!;
        job["automationParameters"]!["maxRetries"]!.GetValue<int>().Should().Be(3);
        var published = await api.PublishedAsync<JobCreated>(e => e.JobId == jobId);
        JsonNode.Parse(published.AutomationParameters!)!["keyword"]!.GetValue<string>().Should().Be("cats");
    }

    [Theory]
    [InlineData("{\"keyword\": \"cats\"}", "automationParameters.maxRetries is required")]
    [InlineData("{\"maxRetries\": \"3\"}", "automationParameters.maxRetries must be a number")]
    [InlineData("{\"maxRetries\": 11}", "automationParameters.maxRetries must be at most 10")]
    [InlineData("{\"maxRetries\": 2, \"keyword\": \"kittens\"}", "automationParameters.keyword must have at most 5 characters")]
    [InlineData("{\"maxRetries\": 2, \"speed\": 9}", "automationParameters.speed is not a field of the schema")]
    [InlineData("[1]", "automationParameters must be an object")]
    public async Task Parameters_that_do_not_fit_the_schema_are_a_400_and_no_job(string parameters, string message)
    {
        var automationId = await ParameterisedAutomationAsync();
        var body = JobsApi.ValidJob();
        body["automation_id"] = automationId;
        body["automationParameters"] = JsonNode.Parse(parameters);

        var response = await _owner.PostAsJsonAsync("/api/v1/jobs", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(message);
        (await _owner.GetFromJsonAsync<JsonObject>("/api/v1/jobs/mine"))!["total"]!.GetValue<long>().Should().Be(0);
    }

    [Fact]
    public async Task Parameters_without_an_automation_are_a_400()
    {
        var body = JobsApi.ValidJob();
        body["automationParameters"] = new JsonObject { ["maxRetries"] = 3 };

        var response = await _owner.PostAsJsonAsync("/api/v1/jobs", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("automationParameters needs an automation (automation_id)");
    }

    [Fact]
    public async Task Registering_needs_a_token()
    {
        (await api.CreateClient().PostAsJsonAsync("/api/v1/automations", new { name = "x" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
