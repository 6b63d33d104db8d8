using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Jobs.Api.Tests;

/// <summary>Each test works in a fresh Jobs service, so counts and orders are exact.</summary>
public sealed class ListJobsTests : IAsyncLifetime
{
    private readonly JobsApi _api = new();
    private HttpClient _owner = null!;
    private HttpClient _other = null!;

    public async Task InitializeAsync()
    {
        _owner = _api.ClientFor(JobsApi.NewUserId(), "Owner", "US");
        _other = _api.ClientFor(JobsApi.NewUserId(), "Other", "DE");
        await _api.CreateJobAsync(_owner, j => { j["title"] = "Create a GOOGLE account"; j["description"] = "Sign up"; j["job_price"] = 0.5; j["Target_Workers"] = new JsonArray("IN"); });
        await _api.CreateJobAsync(_owner, j => { j["title"] = "Like a page"; j["description"] = "Press like"; j["category"] = "Facebook"; j["job_price"] = 0.1; j["featured"] = true; });
        await _api.CreateJobAsync(_owner, j => { j["title"] = "Watch a video"; j["category"] = "YouTube"; j["job_price"] = 1.25; j["premium"] = true; j["description"] = "Search google for it first"; j["Target_Workers"] = new JsonArray("DE", "FR"); });
    }

    private async Task<(List<string> Titles, long Total)> List(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/jobs{query}");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        var body = JsonNode.Parse(text)!;
        return (body["jobs"]!.AsArray().Select(j => j!["title"]!.GetValue<string>()).ToList(), body["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Anyone_sees_active_jobs_newest_first_by_default()
    {
        var (titles, total) = await List(_other, "");

        total.Should().Be(3);
        titles.Should().Equal("Watch a video", "Like a page", "Create a GOOGLE account");
    }

    [Fact]
    public async Task SearchTerm_matches_title_or_description_case_insensitively()
    {
        (await List(_other, "?searchTerm=google")).Titles.Should().BeEquivalentTo("Create a GOOGLE account", "Watch a video");
    }

    [Theory]
    [InlineData("?searchTerm=goo%00gle")]
    [InlineData("?searchTerm=%01google%1F")]
    public async Task Control_characters_in_the_search_term_are_ignored_not_a_500(string query)
    {
        (await List(_other, query)).Titles.Should().BeEquivalentTo("Create a GOOGLE account", "Watch a video");
    }

    [Fact]
    public async Task Sorting_by_title_is_ordinal_capitals_first_as_in_MongoDB()
    {
        await _api.CreateJobAsync(_owner, j => j["title"] = "apply today");

        (await List(_other, "?SortBY=title&orientation=asc")).Titles
            .Should().Equal("Create a GOOGLE account", "Like a page", "Watch a video", "apply today");
    }

    [Theory]
    [InlineData("?job_category=facebook", new[] { "Like a page" })]
    [InlineData("?min_price=0.5", new[] { "Watch a video", "Create a GOOGLE account" })]
    [InlineData("?location=fr", new[] { "Watch a video", "Like a page" })]
    [InlineData("?location=IN", new[] { "Like a page", "Create a GOOGLE account" })]
    [InlineData("?Featured=true", new[] { "Like a page" })]
    [InlineData("?Premium=true", new[] { "Watch a video" })]
    [InlineData("?Premium=false&min_price=0.2", new[] { "Create a GOOGLE account" })]
    public async Task Each_filter_narrows_the_list(string query, string[] expected)
    {
        (await List(_other, query)).Titles.Should().Equal(expected);
    }

    [Theory]
    [InlineData("?SortBY=job_price&orientation=asc", new[] { "Like a page", "Create a GOOGLE account", "Watch a video" })]
    [InlineData("?SortBY=title&orientation=asc", new[] { "Create a GOOGLE account", "Like a page", "Watch a video" })]
    [InlineData("?SortBY=added&orientation=asc", new[] { "Create a GOOGLE account", "Like a page", "Watch a video" })]
    public async Task Sorting_follows_SortBY_and_orientation(string query, string[] expected)
    {
        (await List(_other, query)).Titles.Should().Equal(expected);
    }

    [Fact]
    public async Task Pages_carry_the_total_and_limit_is_capped_at_100()
    {
        var (page2, total) = await List(_other, "?page=2&limit=2&SortBY=job_price&orientation=asc");
        var capped = JsonNode.Parse(await _other.GetStringAsync("/api/v1/jobs?limit=1000"))!;

        page2.Should().Equal("Watch a video");
        total.Should().Be(3);
        capped["limit"]!.GetValue<int>().Should().Be(100);
    }

    [Theory]
    [InlineData("?page=2147483647")]
    [InlineData("?page=2147483648")]
    [InlineData("?page=99999999999999999999999")]
    [InlineData("?page=3&limit=2")]
    public async Task A_page_past_the_end_is_empty_with_the_total(string query)
    {
        var response = await _other.GetAsync($"/api/v1/jobs{query}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var (titles, total) = await List(_other, query);
        titles.Should().BeEmpty();
        total.Should().Be(3);
    }

    [Theory]
    [InlineData("?limit=500")]
    [InlineData("?limit=2147483648")]
    [InlineData("?limit=99999999999999999999999")]
    public async Task Any_limit_above_100_is_capped_at_100(string query)
    {
        var page = JsonNode.Parse(await _other.GetStringAsync($"/api/v1/jobs{query}"))!;

        page["limit"]!.GetValue<int>().Should().Be(100);
        page["jobs"]!.AsArray().Should().HaveCount(3);
    }

    [Theory]
    [InlineData("?page=0")]
    [InlineData("?page=-1")]
    [InlineData("?page=1.5")]
    [InlineData("?limit=1e3")]
    [InlineData("?page=abc")]
    [InlineData("?limit=0")]
    [InlineData("?limit=-5")]
    [InlineData("?SortBY=price")]
    [InlineData("?orientation=sideways")]
    [InlineData("?min_price=cheap")]
    [InlineData("?Featured=maybe")]
    [InlineData("?location=Narnia")]
    [InlineData("?job_category=Astrology")]
    public async Task Bad_query_values_are_a_400(string query)
    {
        var response = await _other.GetAsync($"/api/v1/jobs{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"].Should().NotBeNull();
    }

    [Fact]
    public async Task Deactivated_jobs_leave_the_public_list_but_stay_in_mine()
    {
        var id = await _api.CreateJobAsync(_owner, j => j["title"] = "Soon hidden");
        (await _owner.PatchAsJsonAsync($"/api/v1/jobs/{id}/status", new { status = "inactive" })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await List(_other, "")).Titles.Should().NotContain("Soon hidden");
        var mine = JsonNode.Parse(await _owner.GetStringAsync("/api/v1/jobs/mine?status=inactive"))!;
        mine["jobs"]!.AsArray().Select(j => j!["title"]!.GetValue<string>()).Should().Equal("Soon hidden");
        (await _other.GetAsync($"/api/v1/jobs/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Mine_lists_only_the_callers_jobs_with_its_filters()
    {
        var otherJob = await _api.CreateJobAsync(_other, j => j["title"] = "Other's job");

        var mine = JsonNode.Parse(await _owner.GetStringAsync("/api/v1/jobs/mine?Query=VIDEO"))!;
        var byId = JsonNode.Parse(await _other.GetStringAsync($"/api/v1/jobs/mine?job_id={otherJob}"))!;
        var otherMine = JsonNode.Parse(await _other.GetStringAsync("/api/v1/jobs/mine"))!;

        mine["jobs"]!.AsArray().Select(j => j!["title"]!.GetValue<string>()).Should().Equal("Watch a video");
        byId["total"]!.GetValue<long>().Should().Be(1);
        otherMine["jobs"]!.AsArray().Select(j => j!["title"]!.GetValue<string>()).Should().Equal("Other's job");
        (await _owner.GetAsync("/api/v1/jobs/mine?status=done")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        return Task.CompletedTask;
    }
}
