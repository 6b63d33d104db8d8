using Jobs.Application.Jobs;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobs.Infrastructure.Scheduling;

public sealed class JobExpiryOptions
{
    public const string Section = "Jobs";

    /// <summary>How often jobs whose duration has passed are ended (Jobs__ExpirySweepInterval).</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Runs the <see cref="EndDueJobs"/> use case every <see cref="JobExpiryOptions.ExpirySweepInterval"/>.</summary>
public sealed class JobExpirySweep(IServiceScopeFactory scopes, IOptions<JobExpiryOptions> options, ILogger<JobExpirySweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first sweep waits one interval too: nothing is due the moment the service starts that a minute later
        // would not still end, and a sweep racing the start-up of a test (on a moved clock) would make it flaky.
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await SweepAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var ended = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EndDueJobs(), stoppingToken);
            if (ended.IsSuccess && ended.Value > 0) logger.LogInformation("Expiry sweep ended {Count} job(s)", ended.Value);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A job changed under the sweep (a concurrency conflict) or the store is away: the next sweep retries.
            logger.LogWarning(ex, "Expiry sweep failed; it runs again in {Interval}", options.Value.ExpirySweepInterval);
        }
    }
}
