using System.Collections.Concurrent;
using Platform.Application.Notifications;

namespace Platform.Testing;

/// <summary>Keeps the notifications a service queued, in place of its mail queue (the end-to-end suite sends them to a real mail server).</summary>
public sealed class CapturingNotifier(ConcurrentQueue<Notification> mails) : INotifier
{
    public void Enqueue(Notification notification) => mails.Enqueue(notification);
}
