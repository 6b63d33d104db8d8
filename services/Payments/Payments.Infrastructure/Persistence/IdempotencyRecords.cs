using Payments.Application.Ports;
using Platform.Persistence;

namespace Payments.Infrastructure.Persistence;

public sealed class IdempotencyDocument : Document
{
    public string RequestHash { get; set; } = string.Empty;
    public DateTime ClaimedAt { get; set; }
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public byte[] Body { get; set; } = [];
}

/// <summary>Idempotency keys in the store, one document per user and key ("{user}:{key}"); the insert is the claim.</summary>
public sealed class IdempotencyRecords(IDocumentStore store, TimeProvider clock) : IIdempotencyRecords
{
    public const string CollectionName = "idempotency_keys";

    /// <summary>How long an unfinished claim holds its key before a retry may take it over.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    private readonly IDocumentCollection<IdempotencyDocument> _records = store.Collection<IdempotencyDocument>(CollectionName);

    /// <summary>How long a key is remembered after its claim; a retry later than this is a new request.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private static string Id(string userId, string key) => $"{userId}:{key}";

    public static Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        store.Collection<IdempotencyDocument>(CollectionName).EnsureIndexAsync(new IndexDefinition(nameof(IdempotencyDocument.ClaimedAt)), cancellationToken);

    /// <summary>Forgets the keys claimed longer ago than <see cref="Retention"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken) =>
        (int)await _records.DeleteManyAsync(Filter.Lte(nameof(IdempotencyDocument.ClaimedAt), clock.GetUtcNow().UtcDateTime - Retention), cancellationToken);

    public async Task<IdempotencyClaim> ClaimAsync(string userId, string key, string requestHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await _records.TryInsertAsync(new IdempotencyDocument { Id = Id(userId, key), RequestHash = requestHash, ClaimedAt = now }, null, cancellationToken))
                return new IdempotencyClaim(IdempotencyState.New);
            var stored = await _records.GetAsync(Id(userId, key), cancellationToken);
            if (stored is null) continue;
            if (stored.RequestHash != requestHash) return new IdempotencyClaim(IdempotencyState.Mismatch);
            if (stored.Completed) return new IdempotencyClaim(IdempotencyState.Replay, new StoredResponse(stored.StatusCode, stored.ContentType, stored.Body));
            if (now - stored.ClaimedAt < ClaimTimeout) return new IdempotencyClaim(IdempotencyState.InProgress);
            stored.ClaimedAt = now;
            if (await _records.TryReplaceAsync(stored, null, cancellationToken)) return new IdempotencyClaim(IdempotencyState.New);
        }
        return new IdempotencyClaim(IdempotencyState.InProgress);
    }

    public async Task CompleteAsync(string userId, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        var stored = await _records.GetAsync(Id(userId, key), cancellationToken);
        if (stored is null || stored.Completed) return;
        stored.Completed = true;
        stored.StatusCode = response.StatusCode;
        stored.ContentType = response.ContentType;
        stored.Body = response.Body;
        await _records.TryReplaceAsync(stored, null, cancellationToken);
    }

    public async Task ReleaseAsync(string userId, string key, CancellationToken cancellationToken)
    {
        if (await _records.GetAsync(Id(userId, key), cancellationToken) is { Completed: false }) await _records.DeleteAsync(Id(userId, key), cancellationToken);
    }
}
