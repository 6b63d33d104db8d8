namespace Platform.Persistence;

/// <summary>One service's database: MongoDB in production, the embedded LiteDB file by default.</summary>
public interface IDocumentStore
{
    /// <summary>"mongodb" or "litedb".</summary>
    string Kind { get; }

    IDocumentCollection<T> Collection<T>(string name) where T : Document;

    /// <summary>Throws when the store can't be reached; used by the readiness check.</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// The operations every repository is written against. Each adapter keeps the contract the store contract tests pin:
/// versioned replace, unique indexes, filter/sort/page with totals, case-insensitive search, atomic conditional increments.
/// </summary>
public interface IDocumentCollection<T> where T : Document
{
    string Name { get; }

    Task EnsureIndexAsync(IndexDefinition index, CancellationToken cancellationToken = default);

    /// <summary>Stores a new document at version 1, with the outgoing events in the same write. Throws <see cref="DuplicateKeyException"/>.</summary>
    Task InsertAsync(T document, IEnumerable<OutboxMessage>? events = null, CancellationToken cancellationToken = default);

    Task<T?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<T?> FindOneAsync(Filter filter, CancellationToken cancellationToken = default);

    Task<FindResult<T>> FindAsync(Filter filter, SortBy? sort, int skip, int limit, CancellationToken cancellationToken = default);

    /// <summary>The first <paramref name="limit"/> matches in <see cref="FindAsync"/>'s order, without counting them all (cheaper where totals aren't shown).</summary>
    Task<IReadOnlyList<T>> ListAsync(Filter filter, SortBy? sort, int limit, CancellationToken cancellationToken = default);

    Task<long> CountAsync(Filter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the stored document if it is still at <c>document.Version</c> and appends <paramref name="events"/> to its
    /// outbox (events already pending stay). On success <c>document.Version</c> is the new version.
    /// Throws <see cref="ConcurrencyConflictException"/> when the stored version differs or the document is gone.
    /// </summary>
    Task ReplaceAsync(T document, IEnumerable<OutboxMessage>? events = null, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes every document matching <paramref name="filter"/>; returns how many.</summary>
    Task<long> DeleteManyAsync(Filter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically adds <paramref name="delta"/> to the integer <paramref name="field"/> if the result stays at or above
    /// <paramref name="minimum"/>; false when it would not (or the document is missing). Bumps the version.
    /// </summary>
    Task<bool> TryIncrementAsync(string id, string field, long delta, long minimum, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically adds each delta to its integer field (one write, however many fields, so concurrent callers' deltas
    /// all count and a reader never sees half of one); false when the document is missing. Bumps the version.
    /// </summary>
    Task<bool> IncrementAsync(string id, IReadOnlyDictionary<string, long> deltas, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="IncrementAsync"/>, once per <paramref name="operation"/>: in the same atomic write the key joins the
    /// document's <see cref="Document.AppliedOperations"/>, and while it is there the same operation adds nothing
    /// (<see cref="IncrementOnceOutcome.AlreadyApplied"/>). A consumer passes its message's id, so that a redelivery
    /// after a crash between this write and the inbox's completion adds nothing twice; once the inbox has recorded the
    /// message handled, the inbox drops the key (<see cref="ForgetOperationAsync"/>, for the document the consumer says
    /// its use case marks). At most <see cref="MaxAppliedOperations"/> keys
    /// are kept (the oldest go first): a key is needed only while its message may still be redelivered unrecorded.
    /// </summary>
    Task<IncrementOnceOutcome> IncrementOnceAsync(string id, string operation, IReadOnlyDictionary<string, long> deltas, CancellationToken cancellationToken = default);

    /// <summary>Drops <paramref name="operation"/> from the document's applied operations (its message is recorded handled); the version stays.</summary>
    Task ForgetOperationAsync(string id, string operation, CancellationToken cancellationToken = default);

    /// <summary>How many once-only operation keys a document keeps at most.</summary>
    const int MaxAppliedOperations = 256;

    /// <summary>
    /// Indexes the pending outbox, so that <see cref="FindWithPendingOutboxAsync"/> reads only the documents with events
    /// waiting instead of walking the whole collection (the relay's sweep runs it every few seconds).
    /// </summary>
    Task EnsureOutboxIndexAsync(CancellationToken cancellationToken = default);

    /// <summary>Documents with events still waiting in their outbox, oldest first.</summary>
    Task<IReadOnlyList<T>> FindWithPendingOutboxAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Drops published events from a document's outbox without touching its version.</summary>
    Task RemoveOutboxMessagesAsync(string id, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken = default);
}
