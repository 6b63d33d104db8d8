namespace Platform.Persistence.Outbox;

/// <summary>A collection whose documents carry outboxes; the relay reads and trims through it without knowing the document type.</summary>
public interface IOutboxSource
{
    string Collection { get; }
    Task<Document?> GetAsync(string id, CancellationToken cancellationToken);
    Task<IReadOnlyList<Document>> FindPendingAsync(int limit, CancellationToken cancellationToken);
    Task RemoveAsync(string id, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken);
}

public sealed class OutboxSource<T>(IDocumentCollection<T> collection) : IOutboxSource where T : Document
{
    public string Collection => collection.Name;

    public async Task<Document?> GetAsync(string id, CancellationToken cancellationToken) =>
        await collection.GetAsync(id, cancellationToken);

    public async Task<IReadOnlyList<Document>> FindPendingAsync(int limit, CancellationToken cancellationToken) =>
        await collection.FindWithPendingOutboxAsync(limit, cancellationToken);

    public Task RemoveAsync(string id, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken) =>
        collection.RemoveOutboxMessagesAsync(id, messageIds, cancellationToken);
}
