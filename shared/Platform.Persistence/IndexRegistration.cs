using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.Persistence;

public static class IndexRegistration
{
    /// <summary>
    /// Creates a set of indexes at start-up, before the host serves requests. Each call adds its own set: registered with
    /// AddHostedService, a second set would be dropped as a duplicate of the first (same implementation type).
    /// </summary>
    public static IServiceCollection AddIndexes(this IServiceCollection services, Func<IDocumentStore, CancellationToken, Task> ensure) =>
        services.AddSingleton<IHostedService>(sp => new IndexSetup(sp.GetRequiredService<IDocumentStore>(), ensure));

    private sealed class IndexSetup(IDocumentStore store, Func<IDocumentStore, CancellationToken, Task> ensure) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => ensure(store, cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
