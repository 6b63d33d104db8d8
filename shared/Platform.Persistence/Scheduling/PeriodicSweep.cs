using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Persistence.Scheduling;

/// <summary>
/// Runs a sweep over stored state (expired jobs, expired files) every interval, each run in its own scope, and logs
/// what it did. The first run waits one interval: nothing due at start-up can't wait that long, and a run racing a
/// test's start-up (on a clock the test moves) would make it flaky. A failed run is logged and retried next interval.
/// </summary>
public sealed class PeriodicSweep(string name, TimeSpan interval, Func<IServiceProvider, CancellationToken, Task<int>> run,
    IServiceScopeFactory scopes, ILogger<PeriodicSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await RunOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var count = await run(scope.ServiceProvider, stoppingToken);
            if (count > 0) logger.LogInformation("{Sweep}: {Count} done", name, count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "{Sweep} failed; it runs again in {Interval}", name, interval);
        }
    }
}

public static class PeriodicSweepRegistration
{
    /// <summary>Adds a sweep named <paramref name="name"/> that runs <paramref name="run"/> (returning how much it did) every <paramref name="interval"/>.</summary>
    public static IServiceCollection AddPeriodicSweep(this IServiceCollection services, string name, TimeSpan interval,
        Func<IServiceProvider, CancellationToken, Task<int>> run) =>
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<PeriodicSweep>(sp, name, interval, run));
}
