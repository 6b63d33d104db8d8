using System.Diagnostics;
using System.Text.Json;
using Platform.Contracts;

namespace Platform.Persistence.Outbox;

/// <summary>Turns integration events into the outbox records stored with the state change that raised them.</summary>
public static class OutboxMessages
{
    public static OutboxMessage From(IntegrationEvent @event) => new()
    {
        Id = @event.EventId.ToString(),
        Type = $"{@event.GetType().FullName}, {@event.GetType().Assembly.GetName().Name}",
        Body = JsonSerializer.Serialize(@event, @event.GetType()),
        CreatedAt = @event.OccurredAt.UtcDateTime,
        TraceParent = Activity.Current?.Id,
    };

    public static List<OutboxMessage> From(IEnumerable<IntegrationEvent> events) => events.Select(From).ToList();
}
