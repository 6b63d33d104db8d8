namespace Platform.Persistence.Outbox;

/// <summary>The index every store keeps on pending outboxes (see <see cref="IDocumentCollection{T}.EnsureOutboxIndexAsync"/>).</summary>
public static class OutboxIndex
{
    public const string Name = "outbox_pending_by_age";

    /// <summary>The earlier index (pending only, in no order), dropped where it still exists.</summary>
    public const string LegacyName = "outbox_pending";
}
