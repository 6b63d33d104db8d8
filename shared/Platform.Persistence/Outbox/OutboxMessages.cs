using System.Diagnostics;
using System.Text.Json;

namespace Platform.Persistence.Outbox;

/// <summary>Turns an integration event into the outbox record stored with the state change that raised it.</summary>
public static class OutboxMessages
{
    public static OutboxMessage From(object @event, TimeProvider? clock = null) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Type = $"{@event.GetType().FullName}, {@event.GetType().Assembly.GetName().Name}",
        Body = JsonSerializer.Serialize(@event, @event.GetType()),
        CreatedAt = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime,
        TraceParent = Activity.Current?.Id,
    };
}
