namespace Platform.Persistence.Outbox;

/// <summary>The index every store keeps on pending outboxes (see <see cref="IDocumentCollection{T}.EnsureOutboxIndexAsync"/>).</summary>
public static class OutboxIndex
{
    public const string Name = "outbox_pending";
}
