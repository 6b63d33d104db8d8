using System.Threading.Channels;

namespace Platform.Persistence.Outbox;

/// <summary>
/// Wakes the relay as soon as a write stores events, naming the document, so it need not scan collections.
/// Losing a notice loses nothing: the events are in the document, and the relay's periodic sweep finds them.
/// </summary>
public sealed class OutboxQueue
{
    private readonly Channel<(string Collection, string Id)> _channel =
        Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify(string collection, string id) => _channel.Writer.TryWrite((collection, id));

    public ChannelReader<(string Collection, string Id)> Reader => _channel.Reader;
}
