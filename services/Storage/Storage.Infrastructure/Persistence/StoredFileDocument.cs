using Platform.Persistence;

namespace Storage.Infrastructure.Persistence;

/// <summary>A stored file's metadata; the id is its issued name.</summary>
public sealed class StoredFileDocument : Document
{
    public string Kind { get; set; } = string.Empty;
    public string OriginalName { get; set; } = string.Empty;
    public string ContentType { get; set; } = string.Empty;
    public long Size { get; set; }
    public string OwnerId { get; set; } = string.Empty;
    public DateTime UploadedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
}
