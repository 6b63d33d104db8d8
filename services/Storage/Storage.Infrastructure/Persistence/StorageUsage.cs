using Platform.Persistence;
using Storage.Application.Ports;
using Storage.Domain.Files;

namespace Storage.Infrastructure.Persistence;

/// <summary>
/// A user's holdings of one kind ("{kind}:{owner}"), kept negative so that the store's conditional increment (never
/// below a minimum) is the quota check: taking a file moves them down by one file and its bytes, refused when that would
/// pass minus the quota.
/// </summary>
public sealed class StorageUsageDocument : Document
{
    public long NegativeFiles { get; set; }
    public long NegativeBytes { get; set; }
}

public sealed class StorageUsage(IDocumentStore store) : IStorageUsage
{
    public const string CollectionName = "storage_usage";
    private readonly IDocumentCollection<StorageUsageDocument> _usage = store.Collection<StorageUsageDocument>(CollectionName);

    public async Task<bool> TryTakeAsync(string ownerId, FileKind kind, long bytes, long maxFiles, long maxBytes, CancellationToken cancellationToken)
    {
        var id = IdOf(ownerId, kind);
        // The first file of the kind makes the document (a racing first upload finds it made).
        if (await _usage.GetAsync(id, cancellationToken) is null) await _usage.TryInsertAsync(new StorageUsageDocument { Id = id }, null, cancellationToken);
        if (!await _usage.TryIncrementAsync(id, nameof(StorageUsageDocument.NegativeFiles), -1, -maxFiles, cancellationToken)) return false;
        if (await _usage.TryIncrementAsync(id, nameof(StorageUsageDocument.NegativeBytes), -bytes, -maxBytes, cancellationToken)) return true;
        await _usage.IncrementAsync(id, new Dictionary<string, long> { [nameof(StorageUsageDocument.NegativeFiles)] = 1 }, cancellationToken);
        return false;
    }

    public Task ReturnAsync(string ownerId, FileKind kind, long bytes, CancellationToken cancellationToken) =>
        _usage.IncrementAsync(IdOf(ownerId, kind), new Dictionary<string, long>
        {
            [nameof(StorageUsageDocument.NegativeFiles)] = 1,
            [nameof(StorageUsageDocument.NegativeBytes)] = bytes,
        }, cancellationToken);

    private static string IdOf(string ownerId, FileKind kind) => $"{(kind == FileKind.Proof ? "proof" : "temporary")}:{ownerId}";
}
