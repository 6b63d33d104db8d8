using LiteDB;

namespace Platform.Persistence.LiteDb;

internal sealed class LiteDbCollection<T>(LiteDbStore store, string name) : IDocumentCollection<T> where T : Document
{
    private readonly ILiteCollection<T> _typed = store.OpenCollection<T>(name);
    private readonly ILiteCollection<BsonDocument> _raw = store.Database.GetCollection(name);

    public string Name => name;

    public Task EnsureIndexAsync(IndexDefinition index, CancellationToken cancellationToken = default) =>
        Locked(() =>
        {
            var expression = index.CaseInsensitive ? $"LOWER($.{index.Field})" : $"$.{index.Field}";
            if (index.Unique) store.UniqueIndexes[(name, index.Name)] = index.DottedPath;
            return _typed.EnsureIndex(index.Name, expression, index.Unique);
        }, cancellationToken);

    public async Task InsertAsync(T document, IEnumerable<OutboxMessage>? events = null, CancellationToken cancellationToken = default)
    {
        await Locked(() =>
        {
            document.Version = 1;
            document.Outbox = [.. document.Outbox, .. events ?? []];
            document.AppliedOperations = [];
            return Write(() => _typed.Insert(document));
        }, cancellationToken);
        AnnounceOutbox(document);
    }

    public Task<T?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Locked<T?>(() => _typed.FindById(id), cancellationToken);

    public Task<T?> FindOneAsync(Filter filter, CancellationToken cancellationToken = default) =>
        Locked<T?>(() => Where(filter).FirstOrDefault(), cancellationToken);

    public Task<FindResult<T>> FindAsync(Filter filter, SortBy? sort, int skip, int limit, CancellationToken cancellationToken = default) =>
        Locked(() => new FindResult<T>(Page(filter, sort, skip, limit), Count(filter)), cancellationToken);

    public Task<IReadOnlyList<T>> ListAsync(Filter filter, SortBy? sort, int limit, CancellationToken cancellationToken = default) =>
        Locked<IReadOnlyList<T>>(() => Page(filter, sort, 0, limit), cancellationToken);

    private List<T> Page(Filter filter, SortBy? sort, int skip, int limit)
    {
        var page = sort is null
            ? RawWhere(filter).OrderBy("$._id", Query.Ascending).Skip(skip).Limit(limit).ToList()
            : SortedPage(filter, sort, skip, limit);
        return page.Select(d => store.Mapper.ToObject<T>(d)).ToList();
    }

    /// <summary>
    /// One page in (key, id) order, the id following the key's direction. LiteDB orders by one key, walking its index,
    /// and leaves the order of equal keys open, so pages could overlap or skip documents where keys tie. The keys of the
    /// page's positions are fixed by that walk; which documents hold them is settled here: a key group inside the page
    /// is ordered by id, and a group cut by a page edge is read whole (an index lookup) and cut at the right place.
    /// </summary>
    private List<BsonDocument> SortedPage(Filter filter, SortBy sort, int skip, int limit)
    {
        var key = LiteDbFilter.SortKey(sort.Field);
        var walked = RawWhere(filter).OrderBy(key, sort.Descending ? Query.Descending : Query.Ascending).Skip(skip).Limit(limit).ToList();
        var page = new List<BsonDocument>(walked.Count);
        for (var start = 0; start < walked.Count;)
        {
            var value = key.ExecuteScalar(walked[start]);
            var end = start;
            while (end < walked.Count && key.ExecuteScalar(walked[end]) == value) end++;
            var inPage = end - start;
            var group = start == 0 || end == walked.Count
                ? RawWhere(filter, LiteDbFilter.KeyCondition(sort.Field, "=", value)).ToList()
                : walked.GetRange(start, inPage);
            var offset = start == 0 && group.Count > inPage
                ? skip - RawCount(filter, LiteDbFilter.KeyCondition(sort.Field, sort.Descending ? ">" : "<", value))
                : 0;
            var byId = sort.Descending ? group.OrderByDescending(d => d["_id"]) : group.OrderBy(d => d["_id"]);
            page.AddRange(byId.Skip(Math.Max(0, offset)).Take(inPage));
            start = end;
        }
        return page;
    }

    private ILiteQueryable<BsonDocument> RawWhere(Filter filter, (string Condition, BsonValue Value)? key = null)
    {
        var expression = LiteDbFilter.Translate(filter, key, store.Mapper);
        return expression is null ? _raw.Query() : _raw.Query().Where(expression);
    }

    private int RawCount(Filter filter, (string Condition, BsonValue Value) key) => RawWhere(filter, key).Count();

    public Task<long> CountAsync(Filter filter, CancellationToken cancellationToken = default) =>
        Locked(() => Count(filter), cancellationToken);

    /// <summary>
    /// Counting reads every matching document in LiteDB, so totals are cached per filter until the next write to the
    /// collection (a page request then costs an index walk, not a scan).
    /// </summary>
    private long Count(Filter filter)
    {
        var expression = filter is AllFilter ? null : LiteDbFilter.Translate(filter, store.Mapper);
        var key = expression is null ? string.Empty : expression.Source + "|" + string.Join("|", expression.Parameters.Select(p => p.Value.ToString()));
        var generation = store.Generation(name);
        if (store.CountCache.TryGetValue((name, key), out var cached) && cached.Generation == generation) return cached.Total;
        var total = expression is null ? _typed.LongCount() : _typed.LongCount(expression);
        if (store.CountCache.Count >= LiteDbStore.MaxCachedCounts) store.CountCache.Clear();
        store.CountCache[(name, key)] = (generation, total);
        return total;
    }

    private Task<TResult> Locked<TResult>(Func<TResult> operation, CancellationToken cancellationToken) =>
        store.LockedAsync(operation, cancellationToken);

    /// <summary>Runs a write (under the lock), names the field of a broken unique index, and invalidates cached totals.</summary>
    private TResult Write<TResult>(Func<TResult> write)
    {
        try
        {
            var result = write();
            store.Changed(name);
            return result;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateKeyException(name, FieldOf(ex), ex);
        }
    }

    private void AnnounceOutbox(T document)
    {
        if (document.Outbox.Count > 0) store.OutboxQueue?.Notify(name, document.Id);
    }

    /// <summary>LiteDB refuses a constant predicate, so "everything" is a query without one.</summary>
    private ILiteQueryable<T> Where(Filter filter) =>
        filter is AllFilter ? _typed.Query() : _typed.Query().Where(LiteDbFilter.Translate(filter, store.Mapper));

    public async Task ReplaceAsync(T document, IEnumerable<OutboxMessage>? events = null, CancellationToken cancellationToken = default)
    {
        await Locked(() =>
        {
            var stored = _raw.FindById(document.Id);
            if (stored is null || stored[nameof(Document.Version)].AsInt64 != document.Version)
                throw new ConcurrencyConflictException(name, document.Id, document.Version);

            // Events still pending in the stored document stay, as do its applied operations (the store's, not the
            // caller's); only those two arrays are read back, not the whole document.
            var pending = store.Mapper.Deserialize<List<OutboxMessage>>(stored[nameof(Document.Outbox)]) ?? [];
            var applied = stored[nameof(Document.AppliedOperations)] is { IsArray: true } ops ? ops.AsArray.Select(o => o.AsString).ToList() : [];
            var expected = document.Version;
            document.Version = expected + 1;
            document.Outbox = [.. pending, .. events ?? []];
            document.AppliedOperations = applied;
            try
            {
                return Write(() => _typed.Update(document));
            }
            catch (DuplicateKeyException)
            {
                document.Version = expected;
                throw;
            }
        }, cancellationToken);
        AnnounceOutbox(document);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        Locked(() => Write(() => _typed.Delete(id)), cancellationToken);

    public Task<long> DeleteManyAsync(Filter filter, CancellationToken cancellationToken = default) =>
        Locked(() => Write(() => (long)(filter is AllFilter ? _raw.DeleteAll() : _raw.DeleteMany(LiteDbFilter.Translate(filter, store.Mapper)))), cancellationToken);

    public Task<bool> TryIncrementAsync(string id, string field, long delta, long minimum, CancellationToken cancellationToken = default) =>
        Locked(() =>
        {
            var stored = _raw.FindById(id);
            if (stored is null || !stored[field].IsNumber) return false;
            var current = stored[field];
            var next = Convert.ToInt64(current.RawValue, System.Globalization.CultureInfo.InvariantCulture) + delta;
            if (next < minimum) return false;
            stored[field] = current.IsInt32 ? new BsonValue(checked((int)next)) : new BsonValue(next);
            stored[nameof(Document.Version)] = stored[nameof(Document.Version)].AsInt64 + 1;
            return Write(() => _raw.Update(stored));
        }, cancellationToken);

    public Task<bool> IncrementAsync(string id, IReadOnlyDictionary<string, long> deltas, CancellationToken cancellationToken = default) =>
        Locked(() =>
        {
            var stored = _raw.FindById(id);
            if (stored is null) return false;
            AddDeltas(stored, deltas);
            stored[nameof(Document.Version)] = stored[nameof(Document.Version)].AsInt64 + 1;
            return Write(() => _raw.Update(stored));
        }, cancellationToken);

    private static void AddDeltas(BsonDocument stored, IReadOnlyDictionary<string, long> deltas)
    {
        foreach (var (field, delta) in deltas)
        {
            var current = stored[field];
            var next = (current.IsNumber ? Convert.ToInt64(current.RawValue, System.Globalization.CultureInfo.InvariantCulture) : 0) + delta;
            stored[field] = current.IsInt64 ? new BsonValue(next) : new BsonValue(checked((int)next));
        }
    }

    public Task<IncrementOnceOutcome> IncrementOnceAsync(string id, string operation, IReadOnlyDictionary<string, long> deltas,
        CancellationToken cancellationToken = default) =>
        Locked(() =>
        {
            var stored = _raw.FindById(id);
            if (stored is null) return IncrementOnceOutcome.Missing;
            var applied = stored[nameof(Document.AppliedOperations)] is { IsArray: true } ops ? ops.AsArray : new BsonArray();
            if (applied.Any(o => o.AsString == operation)) return IncrementOnceOutcome.AlreadyApplied;
            AddDeltas(stored, deltas);
            applied.Add(operation);
            stored[nameof(Document.AppliedOperations)] = new BsonArray(applied.Skip(Math.Max(0, applied.Count - IDocumentCollection<T>.MaxAppliedOperations)));
            stored[nameof(Document.Version)] = stored[nameof(Document.Version)].AsInt64 + 1;
            Write(() => _raw.Update(stored));
            return IncrementOnceOutcome.Applied;
        }, cancellationToken);

    public Task ForgetOperationAsync(string id, string operation, CancellationToken cancellationToken = default) =>
        Locked(() =>
        {
            var stored = _raw.FindById(id);
            if (stored?[nameof(Document.AppliedOperations)] is not { IsArray: true } ops) return false;
            var kept = new BsonArray(ops.AsArray.Where(o => o.AsString != operation));
            if (kept.Count == ops.AsArray.Count) return false;
            stored[nameof(Document.AppliedOperations)] = kept;
            return _raw.Update(stored);
        }, cancellationToken);

    /// <summary>The pending-outbox query and its index share one expression, which is how LiteDB matches them.</summary>
    internal const string PendingOutboxExpression = "COUNT($.Outbox[*])";

    public Task EnsureOutboxIndexAsync(CancellationToken cancellationToken = default) =>
        Locked(() =>
        {
            _typed.DropIndex(Outbox.OutboxIndex.LegacyName);
            return _typed.EnsureIndex(Outbox.OutboxIndex.Name, PendingOutboxExpression);
        }, cancellationToken);

    /// <summary>The index narrows to the documents with events waiting (few); those are ordered by their oldest event.</summary>
    public Task<IReadOnlyList<T>> FindWithPendingOutboxAsync(int limit, CancellationToken cancellationToken = default) =>
        Locked<IReadOnlyList<T>>(() => _typed.Query().Where($"{PendingOutboxExpression} > 0")
            .OrderBy("MIN($.Outbox[*].CreatedAt)", Query.Ascending).Limit(limit).ToList(), cancellationToken);

    /// <summary>Trimming the outbox changes no filtered field, so cached totals stay valid.</summary>
    public Task RemoveOutboxMessagesAsync(string id, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken = default) =>
        Locked(() =>
        {
            var stored = _raw.FindById(id);
            if (stored is null) return false;
            var outbox = stored[nameof(Document.Outbox)].AsArray;
            var kept = new BsonArray(outbox.Where(m => !messageIds.Contains(m.AsDocument["_id"].AsString)));
            if (kept.Count == outbox.Count) return false;
            stored[nameof(Document.Outbox)] = kept;
            return _raw.Update(stored);
        }, cancellationToken);

    private string FieldOf(LiteException ex)
    {
        foreach (var ((collection, indexName), field) in store.UniqueIndexes)
            if (collection == name && ex.Message.Contains($"'{indexName}'", StringComparison.Ordinal)) return field;
        return "key";
    }
}
