namespace Platform.Persistence.Inbox;

/// <summary>One handled (or being handled) message of one consumer. The id is "consumer:messageId", so a duplicate insert fails.</summary>
public sealed class InboxRecord : Document
{
    public string Consumer { get; set; } = string.Empty;
    public string MessageId { get; set; } = string.Empty;
    public DateTime ReceivedAt { get; set; }
    public bool Completed { get; set; }
}

/// <summary>
/// Remembers which messages each consumer has handled, so that a redelivered message changes nothing twice.
/// A claim left unfinished by a crash is taken over after <see cref="ClaimTimeout"/>.
/// </summary>
public sealed class Inbox(IDocumentStore store, TimeProvider clock)
{
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);
    private readonly IDocumentCollection<InboxRecord> _records = store.Collection<InboxRecord>("inbox");

    /// <summary>True when this consumer should handle the message now; false when it already did (or another delivery is doing it).</summary>
    public async Task<bool> TryClaimAsync(string consumer, string messageId, CancellationToken cancellationToken = default)
    {
        var record = new InboxRecord
        {
            Id = $"{consumer}:{messageId}",
            Consumer = consumer,
            MessageId = messageId,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        };
        try
        {
            await _records.InsertAsync(record, cancellationToken: cancellationToken);
            return true;
        }
        catch (DuplicateKeyException)
        {
            var existing = await _records.GetAsync(record.Id, cancellationToken);
            if (existing is null || existing.Completed) return false;
            if (clock.GetUtcNow().UtcDateTime - existing.ReceivedAt < ClaimTimeout) return false;
            existing.ReceivedAt = record.ReceivedAt;
            try
            {
                await _records.ReplaceAsync(existing, cancellationToken: cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }
    }

    public async Task CompleteAsync(string consumer, string messageId, CancellationToken cancellationToken = default)
    {
        var existing = await _records.GetAsync($"{consumer}:{messageId}", cancellationToken);
        if (existing is null || existing.Completed) return;
        existing.Completed = true;
        await _records.ReplaceAsync(existing, cancellationToken: cancellationToken);
    }

    /// <summary>The handler failed: forget the claim so that the retry handles the message.</summary>
    public Task ReleaseAsync(string consumer, string messageId, CancellationToken cancellationToken = default) =>
        _records.DeleteAsync($"{consumer}:{messageId}", cancellationToken);

    public async Task<bool> HasHandledAsync(string consumer, string messageId, CancellationToken cancellationToken = default) =>
        (await _records.GetAsync($"{consumer}:{messageId}", cancellationToken))?.Completed == true;
}
