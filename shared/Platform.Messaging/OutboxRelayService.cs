using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Persistence.Outbox;

namespace Platform.Messaging;

public sealed class OutboxRelayOptions
{
    /// <summary>How often the relay sweeps every outbox collection for events no write notice announced (e.g. after a crash).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>Runs the relay: a sweep at start (what a crash left behind), then each write notice at once, and a periodic sweep.</summary>
public sealed class OutboxRelayService(OutboxRelay relay, OutboxQueue queue, IOptions<OutboxRelayOptions> options, ILogger<OutboxRelayService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (DateTime.UtcNow >= nextSweep)
                {
                    var published = await relay.PublishAllPendingAsync(stoppingToken);
                    if (published > 0) logger.LogInformation("Outbox sweep published {Count} pending event(s)", published);
                    nextSweep = DateTime.UtcNow + options.Value.SweepInterval;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(nextSweep - DateTime.UtcNow);
                try
                {
                    await queue.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    continue;
                }

                while (queue.Reader.TryRead(out var notice))
                    await relay.PublishPendingAsync(notice.Collection, notice.Id, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox relay failed; retrying shortly");
                nextSweep = DateTime.UtcNow.AddSeconds(2);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
