using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Persistence;
using Platform.Persistence.LiteDb;
using Platform.Persistence.Outbox;

namespace Platform.Stores.Tests;

public sealed class IndexRegistrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("index-registration-").FullName;

    [Fact]
    public async Task Every_registered_index_set_is_created_at_start_up()
    {
        var file = Path.Combine(_folder, "service.db");
        var services = new ServiceCollection();
        using var store = new LiteDbStore(file);
        services.AddSingleton<IDocumentStore>(store);
        // A service's own indexes and the outbox index that AddOutboxSource registers: two sets, both must be created.
        services.AddIndexes((store, ct) => store.Collection<Counter>("items").EnsureIndexAsync(new IndexDefinition(nameof(Counter.Title)), ct));
        services.AddIndexes((store, ct) => store.Collection<Counter>("items").EnsureOutboxIndexAsync(ct));

        await using (var provider = services.BuildServiceProvider())
        {
            foreach (var hosted in provider.GetServices<IHostedService>())
                await hosted.StartAsync(CancellationToken.None);
        }
        store.Dispose();

        using var database = new LiteDatabase(file);
        var names = database.Execute("SELECT $.name FROM $indexes WHERE collection = 'items'").ToEnumerable()
            .Select(row => row["name"].AsString).ToList();
        names.Should().Contain(["Title", OutboxIndex.Name]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
