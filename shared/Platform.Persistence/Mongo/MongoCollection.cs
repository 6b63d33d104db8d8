using MongoDB.Bson;
using MongoDB.Driver;

namespace Platform.Persistence.Mongo;

internal sealed class MongoCollection<T>(IMongoCollection<T> collection, Outbox.OutboxQueue? outboxQueue) : IDocumentCollection<T> where T : Document
{
    private static readonly Collation CaseInsensitive = new("en", strength: CollationStrength.Secondary);
    private static FilterDefinitionBuilder<T> F => Builders<T>.Filter;

    public string Name => collection.CollectionNamespace.CollectionName;

    public async Task EnsureIndexAsync(IndexDefinition index, CancellationToken cancellationToken = default)
    {
        var options = new CreateIndexOptions { Name = index.Name, Unique = index.Unique };
        if (index.CaseInsensitive) options.Collation = CaseInsensitive;
        // A plain index is (field, _id): it serves a sort on the field with the _id tie-breaker, in either direction,
        // so a sorted page is an index walk rather than an in-memory sort of every match.
        var keys = index.Unique
            ? Builders<T>.IndexKeys.Ascending(MongoFilter.Path(index.DottedPath))
            : Builders<T>.IndexKeys.Ascending(MongoFilter.Path(index.DottedPath)).Ascending("_id");
        await CreateIndexAsync(new CreateIndexModel<T>(keys, options), cancellationToken);
    }

    public async Task InsertAsync(T document, IEnumerable<OutboxMessage>? events = null, CancellationToken cancellationToken = default)
    {
        document.Version = 1;
        document.Outbox = [.. document.Outbox, .. events ?? []];
        document.AppliedOperations = [];
        try
        {
            await collection.InsertOneAsync(document, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            throw new DuplicateKeyException(Name, FieldOf(ex.WriteError.Message), ex);
        }
        if (document.Outbox.Count > 0) outboxQueue?.Notify(Name, document.Id);
    }

    public async Task<T?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await collection.Find(F.Eq(d => d.Id, id)).FirstOrDefaultAsync(cancellationToken);

    public async Task<T?> FindOneAsync(Filter filter, CancellationToken cancellationToken = default) =>
        await collection.Find(MongoFilter.Translate<T>(filter)).FirstOrDefaultAsync(cancellationToken);

    public async Task<FindResult<T>> FindAsync(Filter filter, SortBy? sort, int skip, int limit, CancellationToken cancellationToken = default)
    {
        var where = MongoFilter.Translate<T>(filter);
        var totalTask = collection.CountDocumentsAsync(where, cancellationToken: cancellationToken);
        var items = await collection.Find(where).Sort(Order(sort)).Skip(skip).Limit(limit).ToListAsync(cancellationToken);
        return new FindResult<T>(items, await totalTask);
    }

    public async Task<IReadOnlyList<T>> ListAsync(Filter filter, SortBy? sort, int limit, CancellationToken cancellationToken = default) =>
        await collection.Find(MongoFilter.Translate<T>(filter)).Sort(Order(sort)).Limit(limit).ToListAsync(cancellationToken);

    /// <summary>Ties are broken by _id in the sort's direction, so that the compound (field, _id) index serves the whole sort.</summary>
    private static SortDefinition<T> Order(SortBy? sort) => sort is null
        ? Builders<T>.Sort.Ascending("_id")
        : sort.Descending
            ? Builders<T>.Sort.Descending(MongoFilter.Path(sort.Field)).Descending("_id")
            : Builders<T>.Sort.Ascending(MongoFilter.Path(sort.Field)).Ascending("_id");

    public Task<long> CountAsync(Filter filter, CancellationToken cancellationToken = default) =>
        collection.CountDocumentsAsync(MongoFilter.Translate<T>(filter), cancellationToken: cancellationToken);

    public async Task ReplaceAsync(T document, IEnumerable<OutboxMessage>? events = null, CancellationToken cancellationToken = default)
    {
        var expected = document.Version;
        var fields = document.ToBsonDocument();
        fields.Remove("_id");
        fields.Remove(nameof(Document.Outbox));
        fields.Remove(nameof(Document.AppliedOperations));
        fields[nameof(Document.Version)] = expected + 1;

        var update = new BsonDocument("$set", fields);
        var added = (events ?? []).ToList();
        if (added.Count > 0)
            update.Add("$push", new BsonDocument(nameof(Document.Outbox), new BsonDocument("$each", new BsonArray(added.Select(m => m.ToBsonDocument())))));

        UpdateResult result;
        try
        {
            result = await collection.UpdateOneAsync(
                F.Eq(d => d.Id, document.Id) & F.Eq(d => d.Version, expected),
                new BsonDocumentUpdateDefinition<T>(update),
                cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            throw new DuplicateKeyException(Name, FieldOf(ex.WriteError.Message), ex);
        }

        if (result.MatchedCount == 0) throw new ConcurrencyConflictException(Name, document.Id, expected);
        document.Version = expected + 1;
        document.Outbox.AddRange(added);
        if (added.Count > 0) outboxQueue?.Notify(Name, document.Id);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        (await collection.DeleteOneAsync(F.Eq(d => d.Id, id), cancellationToken)).DeletedCount > 0;

    public async Task<long> DeleteManyAsync(Filter filter, CancellationToken cancellationToken = default) =>
        (await collection.DeleteManyAsync(MongoFilter.Translate<T>(filter), cancellationToken)).DeletedCount;

    public async Task<bool> IncrementAsync(string id, IReadOnlyDictionary<string, long> deltas, CancellationToken cancellationToken = default)
    {
        var update = Builders<T>.Update.Inc(d => d.Version, 1);
        foreach (var (field, delta) in deltas) update = update.Inc(MongoFilter.Path(field), delta);
        var result = await collection.UpdateOneAsync(F.Eq(d => d.Id, id), update, cancellationToken: cancellationToken);
        return result.MatchedCount > 0;
    }

    public async Task<IncrementOnceOutcome> IncrementOnceAsync(string id, string operation, IReadOnlyDictionary<string, long> deltas,
        CancellationToken cancellationToken = default)
    {
        // One conditional update: the key not yet there, then the deltas and the key in the same write.
        var update = Builders<T>.Update.Inc(d => d.Version, 1)
            .PushEach(d => d.AppliedOperations, [operation], slice: -IDocumentCollection<T>.MaxAppliedOperations);
        foreach (var (field, delta) in deltas) update = update.Inc(MongoFilter.Path(field), delta);
        var result = await collection.UpdateOneAsync(F.Eq(d => d.Id, id) & F.Not(F.AnyEq(d => d.AppliedOperations, operation)), update,
            cancellationToken: cancellationToken);
        if (result.MatchedCount > 0) return IncrementOnceOutcome.Applied;
        return await collection.Find(F.Eq(d => d.Id, id)).AnyAsync(cancellationToken) ? IncrementOnceOutcome.AlreadyApplied : IncrementOnceOutcome.Missing;
    }

    public Task ForgetOperationAsync(string id, string operation, CancellationToken cancellationToken = default) =>
        collection.UpdateOneAsync(F.Eq(d => d.Id, id), Builders<T>.Update.Pull(d => d.AppliedOperations, operation), cancellationToken: cancellationToken);

    public async Task<bool> TryIncrementAsync(string id, string field, long delta, long minimum, CancellationToken cancellationToken = default)
    {
        var filter = F.Eq(d => d.Id, id) & F.Gte(MongoFilter.Path(field), minimum - delta);
        var update = Builders<T>.Update.Inc(MongoFilter.Path(field), delta).Inc(d => d.Version, 1);
        var result = await collection.UpdateOneAsync(filter, update, cancellationToken: cancellationToken);
        return result.ModifiedCount > 0;
    }

    /// <summary>
    /// Every outbox message has a time, so "Outbox.CreatedAt exists" is "the outbox is not empty": a sparse index on it
    /// holds only the documents with events waiting, and walks them oldest event first.
    /// </summary>
    private const string PendingOutboxField = "Outbox.CreatedAt";

    public async Task EnsureOutboxIndexAsync(CancellationToken cancellationToken = default)
    {
        await CreateIndexAsync(new CreateIndexModel<T>(
            Builders<T>.IndexKeys.Ascending(PendingOutboxField),
            new CreateIndexOptions { Name = Outbox.OutboxIndex.Name, Sparse = true }), cancellationToken);
        try
        {
            await collection.Indexes.DropOneAsync(Outbox.OutboxIndex.LegacyName, cancellationToken);
        }
        catch (MongoCommandException ex) when (ex.Code == 27)
        {
            // IndexNotFound: nothing left from the earlier version.
        }
    }

    public async Task<IReadOnlyList<T>> FindWithPendingOutboxAsync(int limit, CancellationToken cancellationToken = default) =>
        await collection.Find(F.Exists(PendingOutboxField)).Sort(Builders<T>.Sort.Ascending(PendingOutboxField)).Limit(limit).ToListAsync(cancellationToken);

    /// <summary>
    /// Creates an index, naming the problem when the server can't: unreachable (<see cref="StoreUnavailableException"/>,
    /// which start-up retries) or an index of the same name or keys with other options (<see cref="IndexConflictException"/>).
    /// </summary>
    private async Task CreateIndexAsync(CreateIndexModel<T> model, CancellationToken cancellationToken)
    {
        try
        {
            await collection.Indexes.CreateOneAsync(model, cancellationToken: cancellationToken);
        }
        catch (MongoCommandException ex) when (ex.Code is 85 or 86)
        {
            throw new IndexConflictException(Name, model.Options.Name, ex.ErrorMessage, ex);
        }
        catch (Exception ex) when (ex is MongoConnectionException or TimeoutException)
        {
            throw new StoreUnavailableException("mongodb", ex);
        }
    }

    public Task RemoveOutboxMessagesAsync(string id, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken = default) =>
        collection.UpdateOneAsync(
            F.Eq(d => d.Id, id),
            Builders<T>.Update.PullFilter(d => d.Outbox, m => messageIds.Contains(m.Id)),
            cancellationToken: cancellationToken);

    private static string FieldOf(string message)
    {
        // "E11000 duplicate key error collection: db.users index: Email_ci_unique dup key: ..."
        var marker = message.IndexOf("index: ", StringComparison.Ordinal);
        if (marker < 0) return "key";
        var name = message[(marker + 7)..].Split(' ')[0];
        foreach (var suffix in new[] { "_unique", "_ci" })
            if (name.EndsWith(suffix, StringComparison.Ordinal)) name = name[..^suffix.Length];
        return name.Replace('_', '.');
    }
}
