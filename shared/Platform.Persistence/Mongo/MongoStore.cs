using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace Platform.Persistence.Mongo;

/// <summary>The production store: one MongoDB database per service. Works on a standalone server (no multi-document transactions needed).</summary>
public sealed class MongoStore : IDocumentStore
{
    private static readonly object ConventionsLock = new();
    private static bool _conventionsRegistered;

    public MongoStore(IMongoClient client, string databaseName, Outbox.OutboxQueue? outboxQueue = null)
    {
        OutboxQueue = outboxQueue;
        RegisterConventions();
        Client = client;
        Database = client.GetDatabase(databaseName);
    }

    public MongoStore(string connectionString, string databaseName, Outbox.OutboxQueue? outboxQueue = null)
        : this(new MongoClient(connectionString), databaseName, outboxQueue)
    {
    }

    public string Kind => "mongodb";
    public Outbox.OutboxQueue? OutboxQueue { get; }
    public IMongoClient Client { get; }
    public IMongoDatabase Database { get; }

    public IDocumentCollection<T> Collection<T>(string name) where T : Document => new MongoCollection<T>(Database.GetCollection<T>(name), OutboxQueue);

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        Database.RunCommandAsync((Command<BsonDocument>)"{ ping: 1 }", cancellationToken: cancellationToken);

    /// <summary>Decimals as Decimal128 (exact, comparable on the server), Guids as standard UUIDs, unknown fields ignored (additive schema changes).</summary>
    private static void RegisterConventions()
    {
        lock (ConventionsLock)
        {
            if (_conventionsRegistered) return;
            BsonSerializer.TryRegisterSerializer(new DecimalSerializer(BsonType.Decimal128));
            BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
            ConventionRegistry.Register("platform", new ConventionPack { new IgnoreExtraElementsConvention(true) }, _ => true);
            _conventionsRegistered = true;
        }
    }
}
