using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.EndToEnd.Tests;

/// <summary>Temporary files through the gateway: what an uploader gets back is a URL of the gateway that serves the file.</summary>
[Collection(RunningPlatformCollection.Name)]
public sealed class StorageTests(RunningPlatform running)
{
    private static MultipartFormDataContent Form(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    [Fact]
    public async Task A_file_uploaded_through_the_gateway_downloads_from_the_url_it_was_given()
    {
        var user = await running.Platform.RegisterAsync("Uploader");
        var bytes = Enumerable.Range(0, 3 * 1024 * 1024).Select(i => (byte)(i % 251)).ToArray();

        var upload = await user.Client.PostAsync("/api/v1/storage/temp", Form(bytes, "proof.png"));
        upload.StatusCode.Should().Be(HttpStatusCode.OK, await upload.Content.ReadAsStringAsync());
        var data = (await upload.Content.ReadFromJsonAsync<JsonObject>())!["data"]!;
        var url = new Uri(data["url"]!.GetValue<string>());

        url.Port.Should().Be(running.Platform.GatewayPort, "the URL names the gateway, not the service behind it");
        var download = await user.Client.GetAsync(url);
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(bytes);
        (await running.Platform.Gateway.GetAsync(url.PathAndQuery)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_gateway_takes_a_50_MiB_file_for_storage_and_refuses_a_larger_body_with_a_413()
    {
        var user = await running.Platform.RegisterAsync("Big uploader");

        var fits = await user.Client.PostAsync("/api/v1/storage/temp", Form(new byte[50 * 1024 * 1024], "big.bin"));
        var over = await user.Client.PostAsync("/api/v1/storage/temp", Form(new byte[51 * 1024 * 1024], "bigger.bin"));

        fits.StatusCode.Should().Be(HttpStatusCode.OK, await fits.Content.ReadAsStringAsync());
        over.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }
}
