using LiteDB;

namespace Platform.Persistence.LiteDb;

/// <summary>Translates a <see cref="Filter"/> into a LiteDB expression with parameters (caller input is never spliced into the text).</summary>
internal static class LiteDbFilter
{
    public static BsonExpression Translate(Filter filter, BsonMapper mapper)
    {
        var parameters = new Parameters(mapper);
        var text = Render(filter, parameters);
        return BsonExpression.Create(text, parameters.Values.ToArray());
    }

    /// <summary>The filter and, optionally, a condition on the sort key (<see cref="KeyCondition"/>); null when that is no condition at all.</summary>
    public static BsonExpression? Translate(Filter filter, (string Condition, BsonValue Value)? key, BsonMapper mapper)
    {
        if (key is not { } k) return filter is AllFilter ? null : Translate(filter, mapper);
        var parameters = new Parameters(mapper);
        var text = filter is AllFilter ? string.Empty : Render(filter, parameters) + " AND ";
        parameters.Values.Add(k.Value);
        return BsonExpression.Create(text + k.Condition.Replace("@key", "@" + (parameters.Values.Count - 1), StringComparison.Ordinal),
            parameters.Values.ToArray());
    }

    /// <summary>"the sort field compares to a key value" (operator =, &lt; or &gt;), for <see cref="Translate(Filter, ValueTuple{string, BsonValue}?)"/>.</summary>
    public static (string Condition, BsonValue Value) KeyCondition(string field, string op, BsonValue value) => ($"{Path(field)} {op} @key", value);

    public static BsonExpression SortKey(string field) => BsonExpression.Create(Path(field));

    private static string Path(string field) => field == nameof(Document.Id) ? "$._id" : "$." + field;

    /// <summary>An expression's parameter values, made BSON by the store's mapper.</summary>
    private sealed record Parameters(BsonMapper Mapper)
    {
        public List<BsonValue> Values { get; } = [];
    }

    private static string Param(Parameters parameters, object? value)
    {
        parameters.Values.Add(value switch
        {
            null => BsonValue.Null,
            Enum e => new BsonValue(e.ToString()),
            _ => parameters.Mapper.Serialize(value.GetType(), value),
        });
        return "@" + (parameters.Values.Count - 1);
    }

    private static string Render(Filter filter, Parameters p) => filter switch
    {
        AllFilter => "true",
        EqFilter f => $"{Path(f.Field)} = {Param(p, f.Value)}",
        InFilter f when f.Values.Length == 0 => "false",
        InFilter f => $"{Path(f.Field)} IN [{string.Join(", ", f.Values.Select(v => Param(p, v)))}]",
        CompareFilter f => $"{Path(f.Field)} {(f.Op == CompareOp.Gte ? ">=" : "<=")} {Param(p, f.Value)}",
        AnyEqFilter f => $"{Path(f.Field)}[*] ANY = {Param(p, f.Value)}",
        AnyMatchFilter f => $"{Path(f.Field)}[*].{f.SubField} ANY = {Param(p, f.Value)}",
        ContainsTextFilter f => "(" + string.Join(" OR ", f.Fields.Select(field =>
            $"INDEXOF(LOWER({Path(field)}), {Param(p, f.Term.ToLowerInvariant())}) >= 0")) + ")",
        AndFilter f => RenderAnd(f, p),
        OrFilter f => "(" + string.Join(" OR ", f.Filters.Select(x => Render(x, p))) + ")",
        _ => throw new NotSupportedException($"Filter {filter.GetType().Name} is not supported by LiteDB."),
    };

    /// <summary>
    /// A lower and an upper bound on one field become one BETWEEN, which LiteDB reads as a single index range; as two
    /// conditions it would walk the index from one bound to the end and test the other on every document it loads.
    /// </summary>
    private static string RenderAnd(AndFilter filter, Parameters p)
    {
        var parts = new List<string>();
        var bounded = new HashSet<Filter>();
        foreach (var low in filter.Filters.OfType<CompareFilter>().Where(f => f.Op == CompareOp.Gte))
        {
            if (filter.Filters.OfType<CompareFilter>().FirstOrDefault(f => f.Op == CompareOp.Lte && f.Field == low.Field && !bounded.Contains(f)) is not { } high
                || bounded.Contains(low)) continue;
            bounded.Add(low);
            bounded.Add(high);
            parts.Add($"{Path(low.Field)} BETWEEN {Param(p, low.Value)} AND {Param(p, high.Value)}");
        }
        parts.AddRange(filter.Filters.Where(f => !bounded.Contains(f)).Select(x => Render(x, p)));
        return "(" + string.Join(" AND ", parts) + ")";
    }
}
