using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Persistence.Scheduling;

/// <summary>
/// Runs a sweep over stored state (expired jobs, expired files) every interval, each run in its own scope, and logs
/// what it did. The first run waits one interval: nothing due at start-up can't wait that long, and a run racing a
/// test's start-up (on a clock the test moves) would make it flaky. A failed run is logged and retried next interval.
/// With <paramref name="waitForNext"/> the sweep waits on it instead of a timer (given the interval as its longest
/// wait), so that something may wake it early.
/// </summary>
public sealed class PeriodicSweep(string name, TimeSpan interval, Func<IServiceProvider, CancellationToken, Task<int>> run,
    IServiceScopeFactory scopes, ILogger<PeriodicSweep> logger, Func<TimeSpan, CancellationToken, Task>? waitForNext = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (waitForNext is null ? await timer.WaitForNextTickAsync(stoppingToken) : await WaitAsync(waitForNext, stoppingToken))
                await RunOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private async Task<bool> WaitAsync(Func<TimeSpan, CancellationToken, Task> wait, CancellationToken stoppingToken)
    {
        await wait(interval, stoppingToken);
        return true;
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

    /// <summary>
    /// As <see cref="AddPeriodicSweep"/>, but each run waits on what <paramref name="waiter"/> gives (at most the
    /// interval), so that whoever holds it may wake the sweep early.
    /// </summary>
    public static IServiceCollection AddWakeableSweep(this IServiceCollection services, string name, TimeSpan interval,
        Func<IServiceProvider, CancellationToken, Task<int>> run, Func<IServiceProvider, Func<TimeSpan, CancellationToken, Task>> waiter) =>
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<PeriodicSweep>(sp, name, interval, run, waiter(sp)));
}
