using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Platform.Persistence;

namespace Platform.Messaging;

/// <summary>
/// Publishes an outbox record through MassTransit as its contract type, with the outbox id as message id and the
/// request's trace as parent, so the consumer's span joins the trace of the request that raised the event.
/// </summary>
public sealed class MassTransitOutboxPublisher(IPublishEndpoint publishEndpoint) : IOutboxPublisher
{
    private static readonly ActivitySource Source = new("Platform.Outbox");
    private static readonly ConcurrentDictionary<string, Type> Types = new(StringComparer.Ordinal);

    public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = Types.GetOrAdd(message.Type, name => Type.GetType(name, throwOnError: true)!);
        var body = JsonSerializer.Deserialize(message.Body, type)!;

        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);

        await publishEndpoint.Publish(body, type, context => context.MessageId = Guid.Parse(message.Id), cancellationToken);
    }
}
