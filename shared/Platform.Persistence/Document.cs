namespace Platform.Persistence;

/// <summary>
/// The base of every stored document. <see cref="Version"/> is the optimistic-concurrency token (1 after insert,
/// +1 per write); <see cref="Outbox"/> holds the integration events written together with the state that raised them
/// until the relay has published them; <see cref="AppliedOperations"/> the keys of the once-only increments applied to
/// it whose messages are not yet recorded as handled (see <see cref="IDocumentCollection{T}.IncrementOnceAsync"/>).
/// The last two belong to the store: a replace keeps what is stored of them, whatever the document in hand says.
/// </summary>
public abstract class Document
{
    public string Id { get; set; } = string.Empty;
    public long Version { get; set; }
    public List<OutboxMessage> Outbox { get; set; } = [];
    public List<string> AppliedOperations { get; set; } = [];
}

/// <summary>What <see cref="IDocumentCollection{T}.IncrementOnceAsync"/> did.</summary>
public enum IncrementOnceOutcome
{
    /// <summary>The deltas were added, and the operation's key recorded with them.</summary>
    Applied,
    /// <summary>The operation's key was there: its deltas had been added before, and nothing changed.</summary>
    AlreadyApplied,
    /// <summary>No such document.</summary>
    Missing,
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
