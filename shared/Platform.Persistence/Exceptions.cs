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
