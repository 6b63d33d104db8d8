using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Application.Ids;
using Platform.Testing;
using Storage.Application.Files;

namespace Storage.Api.Tests;

/// <summary>Routes 42 and 43 on a clock the test moves.</summary>
public sealed class TempFileTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly StorageApi _api;
    private readonly HttpClient _client;

    public TempFileTests()
    {
        _api = new StorageApi(_clock);
        _client = _api.ClientFor(ObjectIds.New());
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName = "report.pdf", string field = "file", string type = "application/pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    private async Task<JsonObject> UploadAsync(byte[] bytes, string fileName = "report.pdf")
    {
        var response = await _client.PostAsync("/api/v1/storage/temp", Form(bytes, fileName));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private Task<int> SweepAsync() => _api.SweepAsync();

    [Fact]
    public async Task An_upload_answers_in_the_reference_shape_and_downloads_byte_for_byte()
    {
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();

        var body = await UploadAsync(bytes, "Quarterly Report.PDF");

        body["success"]!.GetValue<bool>().Should().BeTrue();
        body["message"]!.GetValue<string>().Should().Be("File uploaded successfully");
        var data = body["data"]!;
        var filename = data["filename"]!.GetValue<string>();
        filename.Should().MatchRegex("^[0-9]+_[0-9a-f]{16}\\.pdf$");
        data["originalName"]!.GetValue<string>().Should().Be("Quarterly Report.PDF");
        data["size"]!.GetValue<long>().Should().Be(bytes.Length);
        data["url"]!.GetValue<string>().Should().EndWith($"/api/v1/storage/temp/{filename}");
        data["expiresAt"]!.GetValue<DateTime>().Should().Be(_clock.GetUtcNow().UtcDateTime.AddMinutes(15));

        var download = await _client.GetAsync($"/api/v1/storage/temp/{filename}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(bytes);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Fact]
    public async Task A_file_expires_15_minutes_after_upload_and_the_sweep_deletes_its_bytes()
    {
        var filename = (await UploadAsync([1, 2, 3]))["data"]!["filename"]!.GetValue<string>();
        var onDisk = Path.Combine(_api.DataDirectory, "files", filename);
        File.Exists(onDisk).Should().BeTrue();

        _clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        (await _client.GetAsync($"/api/v1/storage/temp/{filename}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SweepAsync()).Should().Be(0);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await _client.GetAsync($"/api/v1/storage/temp/{filename}");
        expired.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await expired.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString().Should().Be("{\"success\":false,\"message\":\"File not found or expired\"}");
        (await SweepAsync()).Should().Be(1);
        File.Exists(onDisk).Should().BeFalse();
    }

    [Theory]
    [InlineData("1764417600000_0123456789abcdef.pdf")]
    [InlineData("..%2f..%2fstorage.db")]
    [InlineData("storage.db")]
    [InlineData("..%5cstorage.db")]
    [InlineData("%252e%252e%252fstorage.db")]
    [InlineData("1764417600000_0123456789abcdef.pdf%0a")]
    public async Task Names_that_were_not_issued_serve_nothing(string name)
    {
        await UploadAsync([1]);

        var response = await _client.GetAsync($"/api/v1/storage/temp/{name}");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"success\":false");
    }

    [Fact]
    public async Task A_download_without_a_name_is_the_references_400()
    {
        var response = await _client.GetAsync("/api/v1/storage/temp/");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>().Should().Be("Filename is required");
    }

    [Fact]
    public async Task An_upload_without_a_file_is_the_references_400()
    {
        var noFile = await _client.PostAsync("/api/v1/storage/temp", new MultipartFormDataContent { { new StringContent("x"), "note" } });
        var otherField = await _client.PostAsync("/api/v1/storage/temp", Form([1, 2], field: "attachment"));
        var notMultipart = await _client.PostAsJsonAsync("/api/v1/storage/temp", new { file = "abc" });
        var empty = await _client.PostAsync("/api/v1/storage/temp", null);

        foreach (var response in new[] { noFile, otherField, notMultipart, empty })
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await response.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString().Should().Be("{\"success\":false,\"message\":\"No file uploaded\"}");
        }
    }

    [Fact]
    public async Task A_file_of_exactly_50_MiB_is_taken_and_one_byte_more_is_a_413_that_keeps_nothing()
    {
        var limit = new byte[50 * 1024 * 1024];

        (await UploadAsync(limit))["data"]!["size"]!.GetValue<long>().Should().Be(limit.Length);
        var over = await _client.PostAsync("/api/v1/storage/temp", Form(new byte[limit.Length + 1]));

        over.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await over.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>().Should().Be("File too large: at most 50 MB");
        Directory.GetFiles(Path.Combine(_api.DataDirectory, "files")).Should().ContainSingle("only the upload that was taken is kept");
        Directory.GetFiles(Path.Combine(_api.DataDirectory, "files", ".incoming")).Should().BeEmpty();
    }

    [Fact]
    public async Task Both_routes_need_a_token()
    {
        var anonymous = _api.CreateClient();

        (await anonymous.PostAsync("/api/v1/storage/temp", Form([1]))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/storage/temp/1764417600000_0123456789abcdef.pdf")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_folder_in_the_original_name_is_dropped_and_never_reaches_the_disk()
    {
        var data = (await UploadAsync([9], "../../etc/passwd"))["data"]!;

        data["originalName"]!.GetValue<string>().Should().Be("passwd");
        data["filename"]!.GetValue<string>().Should().MatchRegex("^[0-9]+_[0-9a-f]{16}$");
    }

    public void Dispose() => _api.Dispose();
}
