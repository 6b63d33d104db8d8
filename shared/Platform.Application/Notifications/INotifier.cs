namespace Platform.Application.Notifications;

/// <summary>An email to one person: address, subject, plain-text body.</summary>
public sealed record Notification(string To, string Subject, string Body);

/// <summary>
/// Sends emails without holding up the request that caused them: a notification is queued and sent in the background
/// (retried a few times; a notification that can't be sent is logged, never an error for the caller).
/// </summary>
public interface INotifier
{
    void Enqueue(Notification notification);
}
