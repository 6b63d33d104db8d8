using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Platform.Persistence;

public static class IndexRegistration
{
    /// <summary>
    /// Creates a set of indexes at start-up, before the host serves requests. Each call adds its own set: registered with
    /// AddHostedService, a second set would be dropped as a duplicate of the first (same implementation type).
    /// </summary>
    public static IServiceCollection AddIndexes(this IServiceCollection services, Func<IDocumentStore, CancellationToken, Task> ensure) =>
        services.AddSingleton<IHostedService>(sp => new IndexSetup(sp.GetRequiredService<IDocumentStore>(), ensure,
            sp.GetService<ILoggerFactory>()?.CreateLogger<IndexSetup>() ?? NullLogger<IndexSetup>.Instance, TimeSpan.FromSeconds(2)));
}

/// <summary>
/// Runs one set of index definitions at start-up. While the store is unreachable (a database that starts after the
/// service) it retries every <paramref name="retryDelay"/> until the host gives up on starting; an index conflict stops
/// the start with a message that says what to drop.
/// </summary>
public sealed class IndexSetup(IDocumentStore store, Func<IDocumentStore, CancellationToken, Task> ensure, ILogger<IndexSetup> logger, TimeSpan retryDelay)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ensure(store, cancellationToken);
                if (attempt > 1) logger.LogInformation("The {Store} store answered; indexes are in place", store.Kind);
                return;
            }
            catch (StoreUnavailableException ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Creating indexes: the {Store} store can't be reached (attempt {Attempt}: {Reason}); retrying in {Delay}",
                    store.Kind, attempt, ex.InnerException?.Message, retryDelay);
                await Task.Delay(retryDelay, cancellationToken);
            }
            catch (IndexConflictException ex)
            {
                logger.LogCritical("{Message}", ex.Message);
                throw;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
