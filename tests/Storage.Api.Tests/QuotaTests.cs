using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using Platform.Application.Ids;

namespace Storage.Api.Tests;

/// <summary>
/// Each user's quota, in files and in bytes: on temporary uploads (at a time: they expire in 15 minutes, so past it a
/// 429 with Retry-After until the oldest expires) and on proof files and data dumps (kept: past it a 413). Uploads that
/// race for the last room get it once; a file that goes gives its room back.
/// </summary>
public sealed class QuotaTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly QuotedStorage _api;

    public QuotaTests() => _api = new QuotedStorage(_clock);

    public void Dispose() => _api.Dispose();

    private sealed class QuotedStorage(TimeProvider clock) : StorageApi(clock)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:Quota:TempFiles", "3");
            builder.UseSetting("Storage:Quota:TempBytes", "10000");
            builder.UseSetting("Storage:Quota:ProofFiles", "2");
            builder.UseSetting("Storage:Quota:ProofBytes", "10000");
        }
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient user, int size)
    {
        var file = new ByteArrayContent(new byte[size]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return user.PostAsync("/api/v1/storage/temp", new MultipartFormDataContent { { file, "file", "blob.bin" } });
    }

    private static Task<HttpResponseMessage> StoreProofAsync(HttpClient service, string owner, int size)
    {
        var content = new ByteArrayContent(new byte[size]);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return service.PostAsync($"/internal/proof-files?name=shot.png&owner={owner}", content);
    }

    [Fact]
    public async Task Past_a_users_temporary_quota_an_upload_is_429_until_earlier_ones_expire_and_others_are_unaffected()
    {
        var user = _api.ClientFor(ObjectIds.New());
        for (var i = 0; i < 3; i++) (await UploadAsync(user, 100)).StatusCode.Should().Be(HttpStatusCode.OK);

        var refused = await UploadAsync(user, 100);

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromMinutes(15), "the oldest of the user's uploads frees its room then");
        var body = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        (body["success"]!.GetValue<bool>(), body["message"]!.GetValue<string>())
            .Should().Be((false, "Upload quota reached: at most 3 temporary files and 10000 bytes at a time; earlier uploads expire 15 minutes after they arrive"));
        (await UploadAsync(_api.ClientFor(ObjectIds.New()), 100)).StatusCode.Should().Be(HttpStatusCode.OK, "another user has their own quota");

        _clock.Advance(TimeSpan.FromMinutes(16));
        await _api.SweepAsync();
        (await UploadAsync(user, 100)).StatusCode.Should().Be(HttpStatusCode.OK, "expired uploads gave their room back");
    }

    [Fact]
    public async Task Bytes_count_as_well_as_files_and_a_refused_upload_keeps_nothing()
    {
        var user = _api.ClientFor(ObjectIds.New());
        (await UploadAsync(user, 9_000)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await UploadAsync(user, 2_000)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "9,000 + 2,000 bytes is past 10,000");
        (await UploadAsync(user, 1_000)).StatusCode.Should().Be(HttpStatusCode.OK, "exactly at the quota");
        Directory.GetFiles(Path.Combine(_api.DataDirectory, "files")).Should().HaveCount(2, "the refused upload's bytes were deleted");
    }

    [Fact]
    public async Task Twenty_uploads_racing_for_three_places_get_exactly_three()
    {
        var user = _api.ClientFor(ObjectIds.New());

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => UploadAsync(user, 10)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(3);
        answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests).Should().Be(17);
    }

    [Fact]
    public async Task Past_an_owners_proof_file_quota_a_file_is_413_and_a_deleted_one_gives_its_room_back()
    {
        var tasks = _api.ClientFor(ObjectIds.New());
        var first = await StoreProofAsync(tasks, "worker-7", 100);
        (await StoreProofAsync(tasks, "worker-7", 100)).StatusCode.Should().Be(HttpStatusCode.Created);

        var refused = await StoreProofAsync(tasks, "worker-7", 100);

        refused.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>()
            .Should().Be("Storage quota reached: at most 2 kept files and 10000 bytes per user");
        (await StoreProofAsync(tasks, "worker-8", 100)).StatusCode.Should().Be(HttpStatusCode.Created);
        var name = (await first.Content.ReadFromJsonAsync<JsonObject>())!["name"]!.GetValue<string>();
        (await tasks.DeleteAsync($"/internal/proof-files/{name}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await StoreProofAsync(tasks, "worker-7", 100)).StatusCode.Should().Be(HttpStatusCode.Created);
    }
}
