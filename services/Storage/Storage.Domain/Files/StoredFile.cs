using Platform.Domain;

namespace Storage.Domain.Files;

/// <summary>What a stored file is for: a temporary upload (gone 15 minutes after it arrived) or a task's proof (kept with its task).</summary>
public enum FileKind
{
    Temporary,
    Proof,
}

/// <summary>
/// A file the platform keeps, by the opaque name it issued (<see cref="FileNames"/>), with what the uploader said of it.
/// The bytes live in the file store under the same name; this is their metadata.
/// </summary>
public sealed class StoredFile : AggregateRoot
{
    /// <summary>How long a temporary upload is served.</summary>
    public static readonly TimeSpan TemporaryLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The largest file the platform takes (50 MiB).</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    private StoredFile(string name, FileKind kind, string originalName, string contentType, long size, string ownerId, DateTime uploadedAt, DateTime? expiresAt)
    {
        Name = name;
        Kind = kind;
        OriginalName = originalName;
        ContentType = contentType;
        Size = size;
        OwnerId = ownerId;
        UploadedAt = uploadedAt;
        ExpiresAt = expiresAt;
    }

    public string Name { get; }
    public FileKind Kind { get; }
    public string OriginalName { get; }
    public string ContentType { get; }
    public long Size { get; }
    public string OwnerId { get; }
    public DateTime UploadedAt { get; }
    /// <summary>When it stops being served (null: kept until its owner goes).</summary>
    public DateTime? ExpiresAt { get; }

    public static StoredFile Temporary(string name, string originalName, string contentType, long size, string ownerId, DateTime now)
    {
        if (!FileNames.IsIssued(name)) throw new StorageRuleException("A stored file is known by a name the platform issued");
        if (size is < 0 or > MaxBytes) throw new StorageRuleException($"A file holds at most {MaxBytes} bytes");
        // Kept to the millisecond, as the stores keep it, so that what the uploader is told is what is stored.
        var uploadedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        return new StoredFile(name, FileKind.Temporary, originalName, contentType, size, ownerId, uploadedAt, uploadedAt + TemporaryLifetime);
    }

    /// <summary>A task's proof file: kept until the task no longer needs it.</summary>
    public static StoredFile Proof(string name, string originalName, string contentType, long size, string ownerId, DateTime now)
    {
        var file = Temporary(name, originalName, contentType, size, ownerId, now);
        return new StoredFile(name, FileKind.Proof, file.OriginalName, file.ContentType, file.Size, ownerId, file.UploadedAt, expiresAt: null);
    }

    public static StoredFile Restore(string name, FileKind kind, string originalName, string contentType, long size, string ownerId, DateTime uploadedAt, DateTime? expiresAt) =>
        new(name, kind, originalName, contentType, size, ownerId, uploadedAt, expiresAt);

    /// <summary>Whether it is still served at <paramref name="now"/>.</summary>
    public bool IsAvailableAt(DateTime now) => ExpiresAt is not { } end || now < end;
}

/// <summary>A storage rule was broken; the message names it.</summary>
public sealed class StorageRuleException(string message) : DomainRuleException(message);
