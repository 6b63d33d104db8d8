using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Application.Results;
using Tasks.Application.Ports;

namespace Tasks.Infrastructure.Files;

/// <summary>
/// Proof files kept by the Storage service, through its internal routes (never routed by the gateway): the bytes go
/// up with their name and type and come back under the name Storage issued. The caller's token travels with each
/// request (Platform.Api's ForwardedAuthorization).
/// </summary>
public sealed class StorageProofFileStore(HttpClient http) : IProofFileStore
{
    public const string Path = "/internal/proof-files";

    public async Task<Result<string>> SaveAsync(string ownerId, string fileName, string mediaType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var body = new ReadOnlyMemoryContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Path}?name={Uri.EscapeDataString(fileName)}&owner={Uri.EscapeDataString(ownerId)}") { Content = body };
        using var response = await http.SendAsync(request, cancellationToken);
        // Storage's quota on the owner's kept files (413), or too much at once (429): its reason is the submission's answer.
        if (response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.TooManyRequests)
        {
            var refusal = (await response.Content.ReadFromJsonAsync<StorageRefusal>(cancellationToken))?.Message ?? "Storage refused the file";
            return response.StatusCode == HttpStatusCode.TooManyRequests
                ? Error.TooManyRequests(refusal) with { RetryAfter = response.Headers.RetryAfter?.Delta }
                : Error.TooLarge(refusal);
        }
        response.EnsureSuccessStatusCode();
        var stored = await response.Content.ReadFromJsonAsync<StoredProofFile>(cancellationToken);
        return stored?.Name ?? throw new InvalidOperationException("Storage answered without the stored file's name.");
    }

    public async Task<ProofFileContent?> OpenAsync(string storedName, CancellationToken cancellationToken)
    {
        var response = await http.GetAsync($"{Path}/{Uri.EscapeDataString(storedName)}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }
        response.EnsureSuccessStatusCode();
        var type = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        return new ProofFileContent(await response.Content.ReadAsStreamAsync(cancellationToken), type, response.Content.Headers.ContentLength);
    }

    public async Task DeleteAsync(string storedName, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"{Path}/{Uri.EscapeDataString(storedName)}", cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound) response.EnsureSuccessStatusCode();
    }

    private sealed record StoredProofFile(string Name);

    private sealed record StorageRefusal(string? Message);
}
