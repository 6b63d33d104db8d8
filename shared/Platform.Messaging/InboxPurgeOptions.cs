namespace Platform.Messaging;

public sealed class InboxPurgeOptions
{
    public const string Section = "Inbox";

    /// <summary>How long a handled message is remembered: far longer than any redelivery (retries, a broker restart).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
