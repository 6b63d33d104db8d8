using LiteDB;
using Platform.Persistence;
using Platform.Persistence.Outbox;
using Platform.Persistence.LiteDb;
using Platform.Persistence.Mongo;

namespace Platform.Stores.Tests;

/// <summary>The embedded store: always reachable.</summary>
public sealed class LiteDbStoreContract : StoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("store-contract-").FullName;

    protected override string? SkipReason => null;
    protected override IDocumentStore Open() => new LiteDbStore(Path.Combine(_folder, "test.db"));

    protected override IDocumentStore Reopen(IDocumentStore store)
    {
        ((LiteDbStore)store).Dispose();
        return Open();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_pending_outbox_query_reads_its_index_not_the_whole_collection()
    {
        var items = Store.Collection<Counter>(CollectionName);
        await items.EnsureOutboxIndexAsync();
        for (var i = 0; i < 20; i++) await items.InsertAsync(new Counter { Id = $"quiet-{i}" });
        ((IDisposable)Store).Dispose();

        using var database = new LiteDatabase(Path.Combine(_folder, "test.db"));
        var plan = database.Execute($"EXPLAIN SELECT $ FROM {CollectionName} WHERE COUNT($.Outbox[*]) > 0").Current.AsDocument;

        plan["index"]["name"].AsString.Should().Be(OutboxIndex.Name, plan.ToString());
    }

    [Fact]
    public async Task A_file_made_with_LiteDBs_default_collation_is_rebuilt_to_compare_ordinally_and_keeps_its_data()
    {
        var file = Path.Combine(_folder, "old.db");
        using (var old = new LiteDatabase(file))
        {
            var items = old.GetCollection("items");
            items.Insert(new BsonDocument { ["_id"] = "1", ["Title"] = "b", ["Version"] = 1L, ["Outbox"] = new BsonArray() });
            items.Insert(new BsonDocument { ["_id"] = "2", ["Title"] = "A", ["Version"] = 1L, ["Outbox"] = new BsonArray() });
        }

        using var store = new LiteDbStore(file);
        var found = await store.Collection<Counter>("items").FindAsync(Filter.Eq(nameof(Counter.Title), "a"), null, 0, 10);

        found.Total.Should().Be(0, "'a' no longer equals 'A'");
        (await store.Collection<Counter>("items").CountAsync(Filter.All)).Should().Be(2);
    }
}

/// <summary>
/// MongoDB: runs when PLATFORM_MONGO (or MONGO_URI) names a server, e.g. a CI with a Mongo container; skipped, with the
/// reason printed, when none is configured (no MongoDB server can be installed on the build machines).
/// </summary>
public sealed class MongoStoreContract : StoreContract
{
    private static readonly string? ConnectionString =
        Environment.GetEnvironmentVariable("PLATFORM_MONGO") is { Length: > 0 } a ? a : Environment.GetEnvironmentVariable("MONGO_URI");

    private readonly string _database = "contract_" + Guid.NewGuid().ToString("N")[..8];

    protected override string? SkipReason => ConnectionString is null
        ? "MongoDB skipped: no server configured (set PLATFORM_MONGO=mongodb://host:27017 to run the store contract against it)"
        : null;

    protected override IDocumentStore Open() => new MongoStore(ConnectionString!, _database);

    protected override IDocumentStore Reopen(IDocumentStore store) => Open();
}
