using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tasks.Application.Notifications;

namespace Tasks.Infrastructure.Notifications;

/// <summary>Sends the held-back task-completed emails whose window has ended, looking every second (or every window, when shorter).</summary>
public sealed class TaskDigestSender(IServiceScopeFactory scopes, TaskEmailOptions options, TimeProvider clock, ILogger<TaskDigestSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = options.DigestWindow < TimeSpan.FromSeconds(1) ? options.DigestWindow : TimeSpan.FromSeconds(1);
        using var timer = new PeriodicTimer(period > TimeSpan.Zero ? period : TimeSpan.FromMilliseconds(100), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TaskEmails>().SendDueDigestsAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not send the task-completed digests; trying again shortly");
            }
        }
    }
}
