using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Jobs;

namespace Jobs.Api.Tests;

public sealed class JobAccessTests(JobsApi api) : IClassFixture<JobsApi>
{
    private readonly string _ownerId = JobsApi.NewUserId();
    private readonly string _otherId = JobsApi.NewUserId();
    private HttpClient Owner => api.ClientFor(_ownerId);
    private HttpClient Other => api.ClientFor(_otherId);

    private static Task<HttpResponseMessage> SetStatus(HttpClient client, string jobId, object body) =>
        client.PatchAsJsonAsync($"/api/v1/jobs/{jobId}/status", body);

    [Fact]
    public async Task The_owner_deactivates_and_reactivates_a_job_and_each_change_is_published()
    {
        var id = await api.CreateJobAsync(Owner);

        (await SetStatus(Owner, id, new { status = "inactive" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!["status"]!.GetValue<string>().Should().Be("inactive");
        (await SetStatus(Owner, id, new { status = "active" })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await api.PublishedAsync<JobStatusChanged>(e => e.JobId == id && e.Status == "inactive");
        await api.PublishedAsync<JobStatusChanged>(e => e.JobId == id && e.Status == "active");
    }

    [Fact]
    public async Task Another_user_cannot_change_a_job_and_learns_nothing_of_an_inactive_one()
    {
        var id = await api.CreateJobAsync(Owner);

        var change = await SetStatus(Other, id, new { status = "inactive" });
        await SetStatus(Owner, id, new { status = "inactive" });
        var read = await Other.GetAsync($"/api/v1/jobs/{id}");

        change.StatusCode.Should().Be(HttpStatusCode.NotFound);
        read.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await read.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("Job with this Id not found");
    }

    [Theory]
    [InlineData("{\"status\": \"paused\"}")]
    [InlineData("{\"status\": 1}")]
    [InlineData("{}")]
    [InlineData("[]")]
    public async Task A_bad_status_body_is_a_400(string body)
    {
        var id = await api.CreateJobAsync(Owner);

        var response = await Owner.PatchAsync($"/api/v1/jobs/{id}/status", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("0123456789abcdef01234567")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzz")]
    public async Task A_malformed_or_unknown_job_id_is_a_404(string id)
    {
        (await Owner.GetAsync($"/api/v1/jobs/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await SetStatus(Owner, id, new { status = "inactive" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Owner.PutAsJsonAsync($"/api/v1/jobs/{id}/shares/{_otherId}", new { permission = "view" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_view_share_lets_the_other_see_but_not_change_an_edit_share_lets_them_change()
    {
        await api.KnowUserAsync(_otherId);
        var id = await api.CreateJobAsync(Owner);
        await SetStatus(Owner, id, new { status = "inactive" });

        (await Owner.PutAsJsonAsync($"/api/v1/jobs/{id}/shares/{_otherId}", new { permission = "view" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Other.GetAsync($"/api/v1/jobs/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SetStatus(Other, id, new { status = "active" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var mine = JsonNode.Parse(await Other.GetStringAsync("/api/v1/jobs/mine"))!;
        mine["jobs"]!.AsArray().Select(j => j!["job_id"]!.GetValue<string>()).Should().Contain(id);

        (await Owner.PutAsJsonAsync($"/api/v1/jobs/{id}/shares/{_otherId}", new { permission = "edit" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await SetStatus(Other, id, new { status = "active" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var job = (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;
        job["shared_edit"]!.AsArray().Select(u => u!.GetValue<string>()).Should().Equal(_otherId);
        job["shared_view"]!.AsArray().Should().BeEmpty();
        await api.PublishedAsync<JobShared>(e => e.JobId == id && e.Permission == "edit");
    }

    [Fact]
    public async Task Only_the_owner_sees_who_a_job_is_shared_with()
    {
        await api.KnowUserAsync(_otherId);
        var id = await api.CreateJobAsync(Owner);
        (await Owner.PutAsJsonAsync($"/api/v1/jobs/{id}/shares/{_otherId}", new { permission = "view" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var stranger = api.ClientFor(JobsApi.NewUserId());

        var asOwner = (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;
        var asShare = (await Other.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;
        var asStranger = (await stranger.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!;
        var inPublicList = JsonNode.Parse(await stranger.GetStringAsync("/api/v1/jobs?limit=100&SortBY=added&orientation=desc"))!["jobs"]!.AsArray()
            .Single(j => j!["job_id"]!.GetValue<string>() == id)!.AsObject();
        var inSharesList = JsonNode.Parse(await Other.GetStringAsync($"/api/v1/jobs/mine?job_id={id}"))!["jobs"]!.AsArray().Single()!.AsObject();

        asOwner["shared_view"]!.AsArray().Select(u => u!.GetValue<string>()).Should().Equal(_otherId);
        foreach (var seen in new[] { asShare, asStranger, inPublicList, inSharesList })
        {
            seen.ContainsKey("shared_view").Should().BeFalse();
            seen.ContainsKey("shared_edit").Should().BeFalse();
        }
    }

    [Fact]
    public async Task Removing_a_share_takes_the_access_away()
    {
        await api.KnowUserAsync(_otherId);
        var id = await api.CreateJobAsync(Owner);
        await SetStatus(Owner, id, new { status = "inactive" });
        await Owner.PutAsJsonAsync($"/api/v1/jobs/{id}/shares/{_otherId}", new { permission = "edit" });

        (await Owner.DeleteAsync($"/api/v1/jobs/{id}/shares/{_otherId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Other.GetAsync($"/api/v1/jobs/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Owner.DeleteAsync($"/api/v1/jobs/{id}/shares/{_otherId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sharing_refuses_unknown_users_bad_permissions_non_owners_and_the_owner_themselves()
    {
        var id = await api.CreateJobAsync(Owner);
        await api.KnowUserAsync(_otherId);

        (await Owner.PutAsJsonAsync($"/api/v1/jobs/{id}/shares/{JobsApi.NewUserId()}", new { permission = "view" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Owner.PutAsJsonAsync($"/api/v1/jobs/{id}/shares/{_otherId}", new { permission = "admin" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Owner.PutAsJsonAsync($"/api/v1/jobs/{id}/shares/{_otherId}", new { })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Owner.PutAsJsonAsync($"/api/v1/jobs/{id}/shares/{_ownerId}", new { permission = "view" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Other.PutAsJsonAsync($"/api/v1/jobs/{id}/shares/{_otherId}", new { permission = "edit" })).StatusCode.Should().Be(HttpStatusCode.NotFound, "another user's job is not revealed");
    }

    [Fact]
    public async Task Racing_status_changes_each_get_204_or_409_never_a_500_and_the_job_stays_consistent()
    {
        var id = await api.CreateJobAsync(Owner);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            SetStatus(api.ClientFor(_ownerId), id, new { status = i % 2 == 0 ? "inactive" : "active" })));

        responses.Select(r => r.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.NoContent || s == HttpStatusCode.Conflict)
            .And.Contain(HttpStatusCode.NoContent);
        // The job is still whole: the next change applies and reads back.
        (await SetStatus(Owner, id, new { status = "inactive" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Owner.GetFromJsonAsync<JsonObject>($"/api/v1/jobs/{id}"))!["status"]!.GetValue<string>().Should().Be("inactive");
    }
}
