using System.Text.RegularExpressions;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Platform.Persistence.Mongo;

/// <summary>Translates a <see cref="Filter"/> into a MongoDB filter document; values are BSON values, never query text.</summary>
internal static class MongoFilter
{
    public static string Path(string field) => field == nameof(Document.Id) ? "_id" : field;

    public static FilterDefinition<T> Translate<T>(Filter filter) => new BsonDocumentFilterDefinition<T>(Render(filter));

    /// <summary>
    /// A filter value as the documents store it: through the serializer registered for its type (see
    /// <see cref="MongoStore.RegisterSerialization"/>), so a Guid, DateTimeOffset, DateOnly, decimal or enum compares
    /// with the stored field instead of throwing or silently matching nothing.
    /// </summary>
    internal static BsonValue Value(object? value)
    {
        if (value is null) return BsonNull.Value;
        if (value is BsonValue bson) return bson;
        if (value is Enum e) return new BsonString(e.ToString());
        var holder = new BsonDocument();
        using (var writer = new BsonDocumentWriter(holder))
        {
            writer.WriteStartDocument();
            writer.WriteName("v");
            BsonSerializer.LookupSerializer(value.GetType()).Serialize(BsonSerializationContext.CreateRoot(writer), new BsonSerializationArgs(), value);
            writer.WriteEndDocument();
        }
        return holder["v"];
    }

    private static BsonDocument Render(Filter filter) => filter switch
    {
        AllFilter => [],
        EqFilter f => new BsonDocument(Path(f.Field), new BsonDocument("$eq", Value(f.Value))),
        InFilter f => new BsonDocument(Path(f.Field), new BsonDocument("$in", new BsonArray(f.Values.Select(Value)))),
        CompareFilter f => new BsonDocument(Path(f.Field), new BsonDocument(f.Op == CompareOp.Gte ? "$gte" : "$lte", Value(f.Value))),
        AnyEqFilter f => new BsonDocument(Path(f.Field), new BsonDocument("$elemMatch", new BsonDocument("$eq", Value(f.Value)))),
        AnyMatchFilter f => new BsonDocument(Path(f.Field), new BsonDocument("$elemMatch", new BsonDocument(f.SubField, Value(f.Value)))),
        ContainsTextFilter f => new BsonDocument("$or", new BsonArray(f.Fields.Select(field =>
            new BsonDocument(Path(field), new BsonRegularExpression(Regex.Escape(f.Term), "i"))))),
        AndFilter f => new BsonDocument("$and", new BsonArray(f.Filters.Select(Render))),
        OrFilter f => new BsonDocument("$or", new BsonArray(f.Filters.Select(Render))),
        _ => throw new NotSupportedException($"Filter {filter.GetType().Name} is not supported by MongoDB."),
    };
}
