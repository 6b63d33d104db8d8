using System.Threading.Channels;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using Tasks.Application.Ports;

namespace Tasks.Infrastructure.Notifications;

/// <summary>Where emails go: the SMTP server (a development mail server locally) and the sender's address.</summary>
public sealed record MailOptions(Uri? Server, string From)
{
    public const string DefaultFrom = "Microtask Platform <no-reply@platform.local>";
}

/// <summary>
/// The notifier: a bounded in-memory queue that a background sender empties over SMTP (MailKit), each email tried up
/// to three times. Emails queued when the process stops are lost (they are notices, not records); with no SMTP server
/// configured they are only logged.
/// </summary>
public sealed class MailQueue(MailOptions options, ILogger<MailQueue> logger) : BackgroundService, INotifier
{
    private const int Capacity = 10_000;
    private static readonly TimeSpan[] Retries = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    private readonly Channel<Notification> _queue = Channel.CreateBounded<Notification>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(Notification notification)
    {
        if (!_queue.Writer.TryWrite(notification)) logger.LogWarning("Mail queue closed; dropped '{Subject}' to {To}", notification.Subject, notification.To);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var notification in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (options.Server is null)
            {
                logger.LogInformation("No SMTP server configured; not sent: '{Subject}' to {To}", notification.Subject, notification.To);
                continue;
            }
            await SendWithRetriesAsync(notification, stoppingToken);
        }
    }

    private async Task SendWithRetriesAsync(Notification notification, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await SendAsync(notification, stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (attempt >= Retries.Length)
                {
                    logger.LogError(e, "Could not send '{Subject}' to {To}", notification.Subject, notification.To);
                    return;
                }
                await Task.Delay(Retries[attempt], stoppingToken);
            }
        }
    }

    private async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(notification.To));
        message.Subject = notification.Subject;
        message.Body = new TextPart("plain") { Text = notification.Body };

        using var smtp = new SmtpClient();
        var server = options.Server!;
        await smtp.ConnectAsync(server.Host, server.Port, server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable,
            cancellationToken);
        if (!string.IsNullOrEmpty(server.UserInfo))
        {
            var credentials = server.UserInfo.Split(':', 2);
            await smtp.AuthenticateAsync(Uri.UnescapeDataString(credentials[0]), credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : string.Empty,
                cancellationToken);
        }
        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }
}
