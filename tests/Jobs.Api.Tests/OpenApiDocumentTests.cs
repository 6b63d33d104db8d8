using System.Text.Json.Nodes;

namespace Jobs.Api.Tests;

/// <summary>The OpenAPI document describes every request from the same contracts the endpoints read.</summary>
public sealed class OpenApiDocumentTests(JobsApi api) : IClassFixture<JobsApi>
{
    private async Task<JsonObject> Document() => JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();

    private static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (op.Key, path.Key, op.Value!.AsObject())));

    [Fact]
    public async Task Every_operation_has_a_unique_operation_id()
    {
        var ids = Operations(await Document()).Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();

        ids.Should().NotContainNulls().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Every_body_is_described_with_its_required_fields_types_lengths_ranges_and_enums()
    {
        var document = await Document();
        var bodies = Operations(document).Where(o => o.Method is "post" or "put" or "patch").ToList();

        bodies.Should().OnlyContain(o => o.Operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"] != null, "every body has a schema");
        var create = document["components"]!["schemas"]!["CreateJobRequest"]!;
        create["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should()
            .BeEquivalentTo("title", "category", "description", "proof", "duration", "positions", "job_price");
        var fields = create["properties"]!;
        fields["title"]!["maxLength"]!.GetValue<int>().Should().Be(200);
        fields["positions"]!["minimum"]!.GetValue<int>().Should().Be(1);
        fields["positions"]!["maximum"]!.GetValue<int>().Should().Be(1_000_000);
        fields["job_price"]!["exclusiveMinimum"]!.GetValue<int>().Should().Be(0);
        fields["category"]!["enum"]!.AsArray().Should().Contain(c => c!.GetValue<string>() == "YouTube");
        fields["job_type"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("manual", "devices_automation");
        fields["Target_Workers"]!["items"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Contain(["US", "worldwide"]);
        document["components"]!["schemas"]!["ChangeJobStatusRequest"]!["properties"]!["status"]!["enum"]!.AsArray()
            .Select(v => v!.GetValue<string>()).Should().Equal("active", "inactive");
    }

    [Fact]
    public async Task The_list_routes_document_every_query_parameter_with_its_type_default_and_allowed_values()
    {
        var document = await Document();
        JsonArray Parameters(string path) => document["paths"]![path]!["get"]!["parameters"]!.AsArray();
        JsonNode Parameter(string path, string name) => Parameters(path).Single(p => p!["name"]!.GetValue<string>() == name)!;

        Parameters("/api/v1/jobs").Select(p => p!["name"]!.GetValue<string>()).Should().BeEquivalentTo(
            "page", "limit", "searchTerm", "job_category", "min_price", "location", "Featured", "Premium", "SortBY", "orientation");
        Parameters("/api/v1/jobs/mine").Select(p => p!["name"]!.GetValue<string>()).Should().BeEquivalentTo(
            "page", "limit", "status", "Query", "job_id", "SortBY", "orientation");
        Parameter("/api/v1/jobs", "page")!["schema"]!["type"]!.GetValue<string>().Should().Be("integer");
        Parameter("/api/v1/jobs", "page")!["schema"]!["default"]!.GetValue<int>().Should().Be(1);
        Parameter("/api/v1/jobs", "limit")!["schema"]!["default"]!.GetValue<int>().Should().Be(10);
        Parameter("/api/v1/jobs", "Featured")!["schema"]!["type"]!.GetValue<string>().Should().Be("boolean");
        Parameter("/api/v1/jobs", "min_price")!["schema"]!["type"]!.GetValue<string>().Should().Be("number");
        Parameter("/api/v1/jobs", "SortBY")!["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("added", "job_price", "title");
        Parameter("/api/v1/jobs", "orientation")!["schema"]!["default"]!.GetValue<string>().Should().Be("desc");
        Parameter("/api/v1/jobs/mine", "status")!["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>())
            .Should().Equal("active", "inactive", "completed", "expired");
    }
}
