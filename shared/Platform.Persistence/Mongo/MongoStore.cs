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
        RegisterSerialization();
        Client = client;
        Database = client.GetDatabase(databaseName);
    }

    public MongoStore(string connectionString, string databaseName, Outbox.OutboxQueue? outboxQueue = null)
        : this(CreateClient(connectionString), databaseName, outboxQueue)
    {
    }

    public string Kind => "mongodb";
    public Outbox.OutboxQueue? OutboxQueue { get; }
    public IMongoClient Client { get; }
    public IMongoDatabase Database { get; }

    public IDocumentCollection<T> Collection<T>(string name) where T : Document => new MongoCollection<T>(Database.GetCollection<T>(name), OutboxQueue);

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        Database.RunCommandAsync((Command<BsonDocument>)"{ ping: 1 }", cancellationToken: cancellationToken);

    /// <summary>The serializers are registered before the client exists: a client (or anything) that looks a serializer up first fixes the default.</summary>
    private static MongoClient CreateClient(string connectionString)
    {
        RegisterSerialization();
        return new MongoClient(connectionString);
    }

    /// <summary>
    /// One representation per type, the same as the embedded store's, in documents and in filter values alike (filters
    /// serialize their values with these serializers): decimals as Decimal128 (exact, compared as numbers), Guids as
    /// standard UUIDs, DateTimeOffset as a UTC date, DateOnly as a date at midnight UTC, enums as their names; unknown
    /// fields are ignored (additive schema changes). Registration fails loudly: if a different serializer was fixed
    /// before (decimals as strings would sort as text and never match a numeric filter), the store does not start.
    /// </summary>
    public static void RegisterSerialization()
    {
        lock (ConventionsLock)
        {
            if (_conventionsRegistered) return;
            BsonSerializer.TryRegisterSerializer(new DecimalSerializer(BsonType.Decimal128));
            BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
            BsonSerializer.TryRegisterSerializer(new DateTimeOffsetSerializer(BsonType.DateTime));
            BsonSerializer.TryRegisterSerializer(new DateOnlySerializer(BsonType.DateTime));
            if (BsonSerializer.LookupSerializer<decimal>() is not DecimalSerializer { Representation: BsonType.Decimal128 })
                throw new InvalidOperationException("MongoDB: decimals must be stored as Decimal128, but another decimal serializer was registered first.");
            ConventionRegistry.Register("platform", new ConventionPack
            {
                new IgnoreExtraElementsConvention(true),
                new EnumRepresentationConvention(BsonType.String),
            }, _ => true);
            _conventionsRegistered = true;
        }
    }
}
