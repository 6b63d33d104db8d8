using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.Persistence;

public static class IndexRegistration
{
    /// <summary>Creates a service's indexes at start-up, before the host serves requests.</summary>
    public static IServiceCollection AddIndexes(this IServiceCollection services, Func<IDocumentStore, CancellationToken, Task> ensure) =>
        services.AddHostedService(sp => new IndexSetup(sp.GetRequiredService<IDocumentStore>(), ensure));

    private sealed class IndexSetup(IDocumentStore store, Func<IDocumentStore, CancellationToken, Task> ensure) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => ensure(store, cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
