namespace Platform.Persistence.Inbox;

/// <summary>One handled (or being handled) message of one consumer. The id is "consumer:messageId", so a duplicate insert fails.</summary>
public sealed class InboxRecord : Document
{
    public string Consumer { get; set; } = string.Empty;
    public string MessageId { get; set; } = string.Empty;
    /// <summary>When the current claim was made (or the message completed).</summary>
    public DateTime ReceivedAt { get; set; }
    public bool Completed { get; set; }
}

/// <summary>
/// A consumer's hold on one message: the record as this delivery claimed it. Completing or releasing it touches the
/// record only while the claim is still this one (its version); after the claim timeout another delivery may have
/// taken the message over, and a slow handler then can't undo that delivery's claim.
/// </summary>
public sealed class InboxClaim
{
    internal InboxClaim(InboxRecord record) => Record = record;
    internal InboxRecord Record { get; }
    public string Consumer => Record.Consumer;
    public string MessageId => Record.MessageId;
}

/// <summary>
/// Remembers which messages each consumer has handled, so that a redelivered message changes nothing twice. A claim
/// left unfinished by a crash is taken over after <see cref="ClaimTimeout"/>; completed records older than the
/// retention are purged (<see cref="PurgeCompletedAsync"/>), long after any redelivery could arrive.
/// </summary>
public sealed class Inbox(IDocumentStore store, TimeProvider clock)
{
    public const string CollectionName = "inbox";
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);
    private readonly IDocumentCollection<InboxRecord> _records = store.Collection<InboxRecord>(CollectionName);

    /// <summary>The index the purge walks (completed records by age).</summary>
    public static Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        store.Collection<InboxRecord>(CollectionName).EnsureIndexAsync(new IndexDefinition(nameof(InboxRecord.ReceivedAt)), cancellationToken);

    /// <summary>
    /// The claim when this consumer should handle the message now; null when it already did, or another delivery is
    /// handling it and its claim has not timed out.
    /// </summary>
    public async Task<InboxClaim?> TryClaimAsync(string consumer, string messageId, CancellationToken cancellationToken = default)
    {
        var record = new InboxRecord
        {
            Id = Key(consumer, messageId),
            Consumer = consumer,
            MessageId = messageId,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        };
        try
        {
            await _records.InsertAsync(record, cancellationToken: cancellationToken);
            return new InboxClaim(record);
        }
        catch (DuplicateKeyException)
        {
            var existing = await _records.GetAsync(record.Id, cancellationToken);
            if (existing is null || existing.Completed) return null;
            if (clock.GetUtcNow().UtcDateTime - existing.ReceivedAt < ClaimTimeout) return null;
            existing.ReceivedAt = record.ReceivedAt;
            return await TryWriteAsync(existing, cancellationToken) ? new InboxClaim(existing) : null;
        }
    }

    /// <summary>The handler succeeded: the message is never handled again by this consumer. False when the claim was lost.</summary>
    public Task<bool> CompleteAsync(InboxClaim claim, CancellationToken cancellationToken = default)
    {
        claim.Record.Completed = true;
        claim.Record.ReceivedAt = clock.GetUtcNow().UtcDateTime;
        return TryWriteAsync(claim.Record, cancellationToken);
    }

    /// <summary>The handler failed: the claim lapses at once, so that the retry handles the message. False when the claim was lost.</summary>
    public Task<bool> ReleaseAsync(InboxClaim claim, CancellationToken cancellationToken = default)
    {
        claim.Record.ReceivedAt = DateTime.MinValue;
        return TryWriteAsync(claim.Record, cancellationToken);
    }

    public async Task<bool> HasHandledAsync(string consumer, string messageId, CancellationToken cancellationToken = default) =>
        (await _records.GetAsync(Key(consumer, messageId), cancellationToken))?.Completed == true;

    /// <summary>Forgets messages completed before <paramref name="olderThan"/> ago; returns how many.</summary>
    public Task<long> PurgeCompletedAsync(TimeSpan olderThan, CancellationToken cancellationToken = default) =>
        _records.DeleteManyAsync(Filter.And(
            Filter.Eq(nameof(InboxRecord.Completed), true),
            Filter.Lte(nameof(InboxRecord.ReceivedAt), clock.GetUtcNow().UtcDateTime - olderThan)), cancellationToken);

    private Task<bool> TryWriteAsync(InboxRecord record, CancellationToken cancellationToken) =>
        _records.TryReplaceAsync(record, cancellationToken: cancellationToken);

    private static string Key(string consumer, string messageId) => $"{consumer}:{messageId}";
}
