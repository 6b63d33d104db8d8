using System.Threading.Channels;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using Platform.Application.Notifications;

namespace Platform.Mail;

/// <summary>Where emails go: the SMTP server (a development mail server locally) and the sender's address.</summary>
public sealed record MailOptions(Uri? Server, string From)
{
    public const string DefaultFrom = "Microtask Platform <no-reply@platform.local>";
}

/// <summary>
/// The notifier: a bounded in-memory queue that a background sender empties over SMTP (MailKit), what is queued sent
/// over one connection, each email tried up to three times. Emails queued when the process stops are lost (they are notices, not records); with no SMTP server
/// configured they are only logged.
/// </summary>
public sealed class MailQueue(MailOptions options, ILogger<MailQueue> logger) : BackgroundService, INotifier
{
    private const int Capacity = 10_000;
    private const int MaxBatch = 100;
    private static readonly TimeSpan[] Retries = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    private readonly Channel<Notification> _queue = Channel.CreateBounded<Notification>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(Notification notification)
    {
        if (!_queue.Writer.TryWrite(notification)) logger.LogWarning("Mail queue closed; dropped '{Subject}' to {To}", notification.Subject, notification.To);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var batch = new List<Notification>();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var notification)) batch.Add(notification);
            if (options.Server is null)
            {
                foreach (var n in batch) logger.LogInformation("No SMTP server configured; not sent: '{Subject}' to {To}", n.Subject, n.To);
                continue;
            }
            await SendWithRetriesAsync(batch, stoppingToken);
        }
    }

    /// <summary>Sends what is queued over one connection; after a failure, what is left is tried again (three tries in all).</summary>
    private async Task SendWithRetriesAsync(List<Notification> batch, CancellationToken stoppingToken)
    {
        var sent = 0;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var smtp = await ConnectAsync(stoppingToken);
                for (; sent < batch.Count; sent++) await smtp.SendAsync(ToMessage(batch[sent]), stoppingToken);
                await smtp.DisconnectAsync(quit: true, stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (attempt >= Retries.Length)
                {
                    logger.LogError(e, "Could not send {Count} emails, the first '{Subject}' to {To}", batch.Count - sent, batch[sent].Subject, batch[sent].To);
                    return;
                }
                await Task.Delay(Retries[attempt], stoppingToken);
            }
        }
    }

    private MimeMessage ToMessage(Notification notification)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(notification.To));
        message.Subject = notification.Subject;
        message.Body = new TextPart("plain") { Text = notification.Body };
        return message;
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = new SmtpClient();
        try
        {
            var server = options.Server!;
            await smtp.ConnectAsync(server.Host, server.Port,
                server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
            if (!string.IsNullOrEmpty(server.UserInfo))
            {
                var credentials = server.UserInfo.Split(':', 2);
                await smtp.AuthenticateAsync(Uri.UnescapeDataString(credentials[0]), credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : string.Empty,
                    cancellationToken);
            }
            return smtp;
        }
        catch
        {
            smtp.Dispose();
            throw;
        }
    }
}
