namespace Platform.Contracts;

/// <summary>
/// The base of every integration event: an id (the idempotency key consumers deduplicate on) and when it occurred.
/// Events are immutable records; change them only additively.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
