namespace Platform.Persistence;

/// <summary>The two expected refusals of a write as results instead of exceptions, for callers that act on them.</summary>
public static class DocumentCollectionExtensions
{
    /// <summary>Inserts the document (with its events); false when one with its id or a unique key is already stored.</summary>
    public static async Task<bool> TryInsertAsync<T>(this IDocumentCollection<T> collection, T document, IEnumerable<OutboxMessage>? events = null,
        CancellationToken cancellationToken = default) where T : Document
    {
        try
        {
            await collection.InsertAsync(document, events, cancellationToken);
            return true;
        }
        catch (DuplicateKeyException)
        {
            return false;
        }
    }

    /// <summary>Replaces the document (with its events) if it is still at its version; false, and nothing written, when it is not.</summary>
    public static async Task<bool> TryReplaceAsync<T>(this IDocumentCollection<T> collection, T document, IEnumerable<OutboxMessage>? events = null,
        CancellationToken cancellationToken = default) where T : Document
    {
        try
        {
            await collection.ReplaceAsync(document, events, cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    /// <summary>Every matching document, read in pages in id order (a long list is never one huge read).</summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(this IDocumentCollection<T> collection, Filter filter, int pageSize = 1000,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default) where T : Document
    {
        string? after = null;
        while (true)
        {
            var page = await collection.ListAsync(after is null ? filter : Filter.And(filter, Filter.Gte(nameof(Document.Id), after + "\0")), null, pageSize,
                cancellationToken);
            foreach (var document in page) yield return document;
            if (page.Count < pageSize) yield break;
            after = page[^1].Id;
        }
    }
}
