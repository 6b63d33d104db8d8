namespace Platform.Persistence;

/// <summary>A write broke a unique index; <see cref="Field"/> names the field.</summary>
public sealed class DuplicateKeyException(string collection, string field, Exception? inner = null)
    : Exception($"A document in '{collection}' already has this {field}.", inner)
{
    public string Collection { get; } = collection;
    public string Field { get; } = field;
}

/// <summary>A replace carried a stale <see cref="Document.Version"/>: someone else wrote the document first.</summary>
public sealed class ConcurrencyConflictException(string collection, string id, long expectedVersion)
    : Exception($"Document '{id}' in '{collection}' is no longer at version {expectedVersion}.")
{
    public string Collection { get; } = collection;
    public string Id { get; } = id;
}

/// <summary>The store can't be reached (yet): start-up retries, a request fails with a 500 that says nothing more.</summary>
public sealed class StoreUnavailableException(string store, Exception inner)
    : Exception($"The {store} store can't be reached: {inner.Message}", inner);

/// <summary>
/// An index can't be created because one with the same name or keys but other options exists (made by an earlier
/// version): it has to be dropped by hand, or the index renamed, before the service can start.
/// </summary>
public sealed class IndexConflictException(string collection, string? index, string detail, Exception inner)
    : Exception($"Index '{index}' on collection '{collection}' conflicts with an existing index ({detail}). Drop the existing index " +
        $"(db.{collection}.dropIndex(\"{index}\")) or give the new definition another name, then start the service again.", inner);
