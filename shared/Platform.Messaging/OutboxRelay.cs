using Microsoft.Extensions.Logging;
using Platform.Persistence;
using Platform.Persistence.Outbox;

namespace Platform.Messaging;

/// <summary>Publishes one stored event to the broker; the message id is the outbox id, so consumers can drop duplicates.</summary>
public interface IOutboxPublisher
{
    Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Moves events from document outboxes to the broker: publish, then trim. A crash after the publish and before the trim
/// publishes the event again on restart (at least once); a crash before the publish loses nothing.
/// </summary>
public sealed class OutboxRelay(IEnumerable<IOutboxSource> sources, IOutboxPublisher publisher, ILogger<OutboxRelay> logger)
{
    private readonly Dictionary<string, IOutboxSource> _sources = sources.ToDictionary(s => s.Collection, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Collections => _sources.Keys;

    /// <summary>Publishes everything pending in every source collection; returns how many events it published.</summary>
    public async Task<int> PublishAllPendingAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        foreach (var source in _sources.Values)
        {
            while (true)
            {
                var documents = await source.FindPendingAsync(100, cancellationToken);
                if (documents.Count == 0) break;
                foreach (var document in documents)
                    published += await PublishAsync(source, document, cancellationToken);
            }
        }
        return published;
    }

    /// <summary>Publishes what one document has pending (the document named by a write notice).</summary>
    public async Task<int> PublishPendingAsync(string collection, string id, CancellationToken cancellationToken)
    {
        if (!_sources.TryGetValue(collection, out var source)) return 0;
        var document = await source.GetAsync(id, cancellationToken);
        return document is null ? 0 : await PublishAsync(source, document, cancellationToken);
    }

    private async Task<int> PublishAsync(IOutboxSource source, Document document, CancellationToken cancellationToken)
    {
        if (document.Outbox.Count == 0) return 0;
        var sent = new List<string>(document.Outbox.Count);
        try
        {
            foreach (var message in document.Outbox.OrderBy(m => m.CreatedAt))
            {
                await publisher.PublishAsync(message, cancellationToken);
                sent.Add(message.Id);
            }
        }
        finally
        {
            if (sent.Count > 0)
            {
                await source.RemoveAsync(document.Id, sent, CancellationToken.None);
                logger.LogDebug("Published {Count} event(s) of {Collection}/{Id}", sent.Count, source.Collection, document.Id);
            }
        }
        return sent.Count;
    }
}
