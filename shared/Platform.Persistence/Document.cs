namespace Platform.Persistence;

/// <summary>
/// The base of every stored document. <see cref="Version"/> is the optimistic-concurrency token (1 after insert,
/// +1 per write); <see cref="Outbox"/> holds the integration events written together with the state that raised them
/// until the relay has published them.
/// </summary>
public abstract class Document
{
    public string Id { get; set; } = string.Empty;
    public long Version { get; set; }
    public List<OutboxMessage> Outbox { get; set; } = [];
}

/// <summary>An integration event waiting to be published: its CLR type name, its JSON body and the trace it belongs to.</summary>
public sealed class OutboxMessage
{
    public string Id { get; set; } = string.Empty;
    public string Type { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
    public string? TraceParent { get; set; }
}
