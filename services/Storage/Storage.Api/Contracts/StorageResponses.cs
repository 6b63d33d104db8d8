using System.Text.Json.Serialization;
using Storage.Domain.Files;

namespace Storage.Api.Contracts;

/// <summary>Route 42's answer: { success, message, data: { filename, originalName, size, url, expiresAt } }.</summary>
public sealed record UploadedResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("data")] UploadedFileResponse Data);

public sealed record UploadedFileResponse(
    [property: JsonPropertyName("filename")] string Filename,
    [property: JsonPropertyName("originalName")] string OriginalName,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("expiresAt")] DateTime? ExpiresAt)
{
    public static UploadedFileResponse From(StoredFile file, string url) => new(file.Name, file.OriginalName, file.Size, url, file.ExpiresAt);
}

/// <summary>The storage routes' error body, as the reference writes it: { "success": false, "message": "..." }.</summary>
public sealed record StorageErrorResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")] string Message);

/// <summary>The internal proof-file route's answer: the name the file is kept under.</summary>
public sealed record StoredProofFileResponse([property: System.Text.Json.Serialization.JsonPropertyName("name")] string Name);
