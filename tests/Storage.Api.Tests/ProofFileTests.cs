using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Platform.Application.Ids;

namespace Storage.Api.Tests;

/// <summary>The internal proof-file routes the Tasks service uses: kept until deleted, never served as temporary files.</summary>
public sealed class ProofFileTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly StorageApi _api;
    private readonly HttpClient _client;

    public ProofFileTests()
    {
        _api = new StorageApi(_clock);
        _client = _api.ClientFor(ObjectIds.New());
    }

    private async Task<string> StoreAsync(byte[] bytes, string query = "name=shot.png&owner=worker-1")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var response = await _client.PostAsync($"/internal/proof-files?{query}", content);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["name"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_proof_file_is_kept_past_the_temporary_lifetime_and_the_sweep_until_it_is_deleted()
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        var name = await StoreAsync(bytes);

        _clock.Advance(TimeSpan.FromDays(30));
        (await _api.SweepAsync()).Should().Be(0, "a proof file has no expiry");
        var download = await _client.GetAsync($"/internal/proof-files/{name}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(bytes);
        download.Content.Headers.ContentType!.MediaType.Should().Be("image/png");

        (await _client.DeleteAsync($"/internal/proof-files/{name}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _client.GetAsync($"/internal/proof-files/{name}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.DeleteAsync($"/internal/proof-files/{name}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        File.Exists(Path.Combine(_api.DataDirectory, "files", name)).Should().BeFalse();
    }

    [Fact]
    public async Task A_running_agents_data_dump_stores_its_files_with_the_agent_token_Tasks_forwards_but_the_public_routes_refuse_it()
    {
        var agent = _api.AgentClientFor("owner-1", Guid.NewGuid().ToString(), jobTaskId: ObjectIds.New());
        var content = new ByteArrayContent([1, 2, 3]);

        var stored = await agent.PostAsync("/internal/proof-files?name=dump.bin&owner=owner-1", content);
        var upload = await agent.PostAsync("/api/v1/storage/temp", new MultipartFormDataContent { { new ByteArrayContent([4]), "file", "t.bin" } });

        stored.StatusCode.Should().Be(HttpStatusCode.Created, await stored.Content.ReadAsStringAsync());
        var name = (await stored.Content.ReadFromJsonAsync<JsonObject>())!["name"]!.GetValue<string>();
        (await agent.DeleteAsync($"/internal/proof-files/{name}")).StatusCode.Should().Be(HttpStatusCode.NoContent, "a refused dump's files are deleted");
        upload.StatusCode.Should().Be(HttpStatusCode.Forbidden, "an agent token opens only the agent routes");
    }

    [Fact]
    public async Task A_proof_file_is_not_served_by_the_public_temporary_route_and_a_temporary_file_not_by_the_proof_route()
    {
        var proof = await StoreAsync([1, 2, 3]);
        var upload = new MultipartFormDataContent { { new ByteArrayContent([4, 5, 6]), "file", "t.bin" } };
        var temporary = (await (await _client.PostAsync("/api/v1/storage/temp", upload)).Content.ReadFromJsonAsync<JsonObject>())!["data"]!["filename"]!
            .GetValue<string>();

        (await _client.GetAsync($"/api/v1/storage/temp/{proof}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.GetAsync($"/internal/proof-files/{temporary}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.DeleteAsync($"/internal/proof-files/{temporary}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("name=shot.png", "owner is required")]
    [InlineData("owner=w&name=", null)]
    public async Task The_owner_is_required_and_a_missing_name_is_not_an_error(string query, string? refusal)
    {
        var content = new ByteArrayContent([1]);
        var response = await _client.PostAsync($"/internal/proof-files?{query}", content);

        if (refusal is null)
        {
            response.StatusCode.Should().Be(HttpStatusCode.Created);
            return;
        }
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(refusal);
    }

    [Theory]
    [InlineData("storage.db")]
    [InlineData("..%2fstorage.db")]
    [InlineData("1764417600000_0123456789abcdef")]
    public async Task Names_that_were_not_issued_serve_and_delete_nothing(string name)
    {
        (await _client.GetAsync($"/internal/proof-files/{name}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.DeleteAsync($"/internal/proof-files/{name}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_routes_need_a_token()
    {
        var anonymous = _api.CreateClient();

        (await anonymous.PostAsync("/internal/proof-files?owner=w", new ByteArrayContent([1]))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/internal/proof-files/1764417600000_0123456789abcdef")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    public void Dispose() => _api.Dispose();
}
