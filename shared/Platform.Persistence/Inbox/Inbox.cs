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

/// <summary>A stored document, by its collection and id, that a consumer's use case marks with the message it handles.</summary>
public sealed record MarkedDocument(string Collection, string Id);

/// <summary>What a delivery found when it asked to handle a message.</summary>
public enum InboxClaimStatus
{
    /// <summary>This delivery handles the message now (<see cref="InboxClaimAttempt.Claim"/>).</summary>
    Claimed,
    /// <summary>The consumer handled the message before: acknowledge it and do nothing.</summary>
    Handled,
    /// <summary>
    /// Another delivery claimed the message and has not finished: it may be handling it now, or it died doing so (a
    /// crash, a kill). Either way this delivery must not be acknowledged: it is tried again later, and takes the message
    /// over once the other claim is older than the claim timeout (<see cref="InboxClaimAttempt.HeldUntil"/>).
    /// </summary>
    HeldElsewhere,
}

/// <summary>The outcome of <see cref="Inbox.TryClaimAsync"/>: the claim, or why there is none.</summary>
public sealed record InboxClaimAttempt(InboxClaimStatus Status, InboxClaim? Claim = null, DateTime? HeldUntil = null);

/// <summary>
/// Remembers which messages each consumer has handled, so that a redelivered message changes nothing twice. A claim
/// left unfinished by a crash is taken over after the claim timeout (<see cref="InboxOptions.ClaimTimeout"/>); until
/// then a redelivery finds it held elsewhere and is retried, never acknowledged. Completed records older than the
/// retention are purged (<see cref="PurgeCompletedAsync"/>), long after any redelivery could arrive.
/// </summary>
public sealed class Inbox(IDocumentStore store, TimeProvider clock, InboxOptions? options = null)
{
    public const string CollectionName = "inbox";
    private readonly IDocumentCollection<InboxRecord> _records = store.Collection<InboxRecord>(CollectionName);

    /// <summary>How long an unfinished claim keeps other deliveries of its message waiting before one takes it over.</summary>
    public TimeSpan ClaimTimeout { get; } = (options ?? new InboxOptions()).ClaimTimeout;

    /// <summary>The index the purge walks (completed records by age).</summary>
    public static Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        store.Collection<InboxRecord>(CollectionName).EnsureIndexAsync(new IndexDefinition(nameof(InboxRecord.ReceivedAt)), cancellationToken);

    /// <summary>
    /// Whether this consumer should handle the message now (with the claim), has handled it already, or must wait for
    /// another delivery's unfinished claim to complete or time out.
    /// </summary>
    public async Task<InboxClaimAttempt> TryClaimAsync(string consumer, string messageId, CancellationToken cancellationToken = default)
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
            return new InboxClaimAttempt(InboxClaimStatus.Claimed, new InboxClaim(record));
        }
        catch (DuplicateKeyException)
        {
            var existing = await _records.GetAsync(record.Id, cancellationToken);
            // Gone between the insert and the read: only the purge deletes, and only completed records.
            if (existing is null || existing.Completed) return new InboxClaimAttempt(InboxClaimStatus.Handled);
            var heldUntil = existing.ReceivedAt == DateTime.MinValue ? DateTime.MinValue : existing.ReceivedAt + ClaimTimeout;
            if (record.ReceivedAt < heldUntil) return new InboxClaimAttempt(InboxClaimStatus.HeldElsewhere, HeldUntil: heldUntil);
            existing.ReceivedAt = record.ReceivedAt;
            return await TryWriteAsync(existing, cancellationToken)
                ? new InboxClaimAttempt(InboxClaimStatus.Claimed, new InboxClaim(existing))
                // Another delivery took it over (or completed it) in between: look again on the next try.
                : new InboxClaimAttempt(InboxClaimStatus.HeldElsewhere, HeldUntil: record.ReceivedAt + ClaimTimeout);
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

    /// <summary>
    /// A handler marked <paramref name="document"/> with <paramref name="mark"/> (the event's id; see
    /// <see cref="IDocumentCollection{T}.IncrementOnceAsync"/>) and the message is now recorded handled: no redelivery
    /// can reach the handler again, so the document lets go of the mark.
    /// </summary>
    public Task ForgetMarkAsync(MarkedDocument document, string mark, CancellationToken cancellationToken = default) =>
        store.Collection<AnyDocument>(document.Collection).ForgetOperationAsync(document.Id, mark, cancellationToken);

    /// <summary>Dropping a mark touches only the base's fields, whatever the collection's document type.</summary>
    private sealed class AnyDocument : Document;

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

/// <summary>The inbox's settings (configuration section "Inbox").</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>How long a handled message is remembered: far longer than any redelivery (retries, a broker restart).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the purge runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a claim that was never completed nor released (its process died handling the message) holds back other
    /// deliveries of the message before one takes it over. Handlers take milliseconds; this is what a crash costs a message.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
