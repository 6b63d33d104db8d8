using LiteDB;

namespace Platform.Persistence.LiteDb;

/// <summary>
/// The embedded store: one LiteDB file per service. LiteDB is synchronous and its transactions don't isolate concurrent
/// writers, so every operation runs under this store's lock (reads included: see LiteDbCollection), which also makes each
/// read-check-write (versioned replace, conditional increment, outbox trim) atomic; the file is opened by this process alone.
/// </summary>
public sealed class LiteDbStore : IDocumentStore, IDisposable
{
    private readonly LiteDatabase _database;

    public LiteDbStore(string filePath, Outbox.OutboxQueue? outboxQueue = null)
    {
        OutboxQueue = outboxQueue;
        var folder = Path.GetDirectoryName(Path.GetFullPath(filePath));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var connection = new ConnectionString
        {
            Filename = filePath,
            Connection = ConnectionType.Direct,
            // A new file gets the collation; an existing one is opened with its own (any other is refused) and checked below.
            Collation = File.Exists(filePath) ? null : Ordinal,
        };
        _database = new LiteDatabase(connection, CreateMapper()) { UtcDate = true };
        // The collation is fixed when a file is created; a file made before strings were compared ordinally (LiteDB's
        // default is the current culture, ignoring case) is rebuilt once, so that it compares as MongoDB does.
        if (_database.Pragma("COLLATION").AsString != Ordinal.ToString())
            _database.Rebuild(new LiteDB.Engine.RebuildOptions { Collation = Ordinal });
        FilePath = filePath;
    }

    /// <summary>Strings compare by code point, case-sensitively, as in MongoDB: one rule for <c>=</c>, ranges, sorting and indexes.</summary>
    internal static readonly Collation Ordinal = new(System.Globalization.CultureInfo.InvariantCulture.LCID, System.Globalization.CompareOptions.Ordinal);

    /// <summary>
    /// How documents and filter values become BSON, the same in both stores: enums as names (LiteDB's default),
    /// DateTimeOffset as a UTC date (LiteDB's default), DateOnly as a date at midnight UTC. Each store has its own and
    /// uses it only under its lock: LiteDB 5.0.21's mapper lets one thread see a type's mapping while another is still
    /// building it, fields missing (LiteDB issue 2536), so it is never shared between stores or used by two threads at once.
    /// </summary>
    internal BsonMapper Mapper => _database.Mapper;

    private static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper { EnumAsInteger = false };
        mapper.Entity<OutboxMessage>().Id(m => m.Id, autoId: false);
        mapper.RegisterType<DateOnly>(
            date => new BsonValue(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            bson => DateOnly.FromDateTime(bson.AsDateTime.ToUniversalTime()));
        return mapper;
    }

    public string Kind => "litedb";
    public string FilePath { get; }

    internal Outbox.OutboxQueue? OutboxQueue { get; }
    internal LiteDatabase Database => _database;
    private readonly SemaphoreSlim _lock = new(1, 1);
    /// <summary>(collection, index name) to the field it keeps unique, to name the field in a duplicate-key error.</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<(string Collection, string Index), string> UniqueIndexes { get; } = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    internal const int MaxCachedCounts = 1024;

    /// <summary>Cached totals per (collection, filter), valid while the collection's generation is unchanged.</summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<(string Collection, string Filter), (long Generation, long Total)> CountCache { get; } = new();

    internal long Generation(string collection) => _generations.GetValueOrDefault(collection);

    internal void Changed(string collection) => _generations.AddOrUpdate(collection, 1, (_, g) => g + 1);

    public IDocumentCollection<T> Collection<T>(string name) where T : Document => new LiteDbCollection<T>(this, name);

    /// <summary>A typed view of a collection, opened under the lock: opening one maps its type.</summary>
    internal ILiteCollection<T> OpenCollection<T>(string name)
    {
        _lock.Wait();
        try
        {
            return _database.GetCollection<T>(name);
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        LockedAsync(() => _database.GetCollectionNames().Count(), cancellationToken);

    /// <summary>
    /// Runs one operation under the store's lock. Reads take it too: LiteDB 5 can corrupt its engine state
    /// ("page type must be collection page") when a read runs while another thread creates a collection or index.
    /// </summary>
    internal async Task<TResult> LockedAsync<TResult>(Func<TResult> operation, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            return operation();
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        _database.Dispose();
        _lock.Dispose();
    }
}
