using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Persistence.Inbox;

namespace Platform.Messaging;

public sealed class InboxPurgeOptions
{
    public const string Section = "Inbox";

    /// <summary>How long a handled message is remembered: far longer than any redelivery (retries, a broker restart).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Forgets handled messages past their retention, so that the inbox does not grow without bound.</summary>
public sealed class InboxPurge(Inbox inbox, IOptions<InboxPurgeOptions> options, TimeProvider clock, ILogger<InboxPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var purged = await inbox.PurgeCompletedAsync(options.Value.Retention, stoppingToken);
                if (purged > 0) logger.LogInformation("Purged {Count} handled message(s) older than {Retention} from the inbox", purged, options.Value.Retention);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The inbox purge failed; it runs again in {Interval}", options.Value.Interval);
            }
        }
    }
}
