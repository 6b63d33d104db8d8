namespace Platform.Persistence;

/// <summary>
/// A store-neutral query predicate over a document's fields (C# property names; <c>Id</c> is the key). Each store
/// adapter translates it; repositories never write a store's own query language. Both stores compare strings
/// ordinally (case-sensitive, by code point): <c>Eq</c>, <c>In</c> and sorting treat "Go" and "go" as different.
/// Case-insensitive are only <see cref="ContainsText"/> and a field with a case-insensitive index (unique emails).
/// </summary>
public abstract record Filter
{
    public static Filter All { get; } = new AllFilter();

    public static Filter Eq(string field, object? value) => new EqFilter(field, value);
    public static Filter In(string field, IEnumerable<object> values) => new InFilter(field, values.ToArray());
    public static Filter Gte(string field, object value) => new CompareFilter(field, CompareOp.Gte, value);
    public static Filter Lte(string field, object value) => new CompareFilter(field, CompareOp.Lte, value);
    /// <summary><paramref name="low"/> ≤ field ≤ <paramref name="high"/>: on an indexed field, one index range in both stores.</summary>
    public static Filter Between(string field, object low, object high) => And(Gte(field, low), Lte(field, high));
    /// <summary>The string field starts with <paramref name="prefix"/> (a range of the field's index, not a scan).</summary>
    public static Filter StartsWith(string field, string prefix) => Between(field, prefix, PrefixEnd(prefix));
    /// <summary>A string above every string that starts with <paramref name="prefix"/> (for a range that starts inside the prefix).</summary>
    public static string PrefixEnd(string prefix) => prefix + char.MaxValue;
    /// <summary>The array field has an element equal to <paramref name="value"/>.</summary>
    public static Filter AnyEq(string arrayField, object value) => new AnyEqFilter(arrayField, value);
    /// <summary>The array of sub-documents has an element whose <paramref name="subField"/> equals <paramref name="value"/>.</summary>
    public static Filter AnyMatch(string arrayField, string subField, object value) => new AnyMatchFilter(arrayField, subField, value);
    /// <summary>
    /// Case-insensitive substring match of <paramref name="term"/> in any of the fields. Control characters are dropped
    /// from the term (no stored text holds them, and a NUL can't travel in a MongoDB query).
    /// </summary>
    public static Filter ContainsText(string term, params string[] fields) =>
        new ContainsTextFilter(string.Concat(term.Where(c => !char.IsControl(c))), fields);
    public static Filter And(params Filter[] filters) => Combine(filters, and: true);
    public static Filter Or(params Filter[] filters) => Combine(filters, and: false);

    /// <summary>Nested ANDs (and ORs) are flattened, so a store sees every condition at one level and can pick an index range among them.</summary>
    private static Filter Combine(Filter[] filters, bool and)
    {
        var parts = filters.Where(f => f is not AllFilter)
            .SelectMany(f => and && f is AndFilter a ? a.Filters : !and && f is OrFilter o ? o.Filters : [f]).ToArray();
        if (parts.Length == 0) return All;
        if (parts.Length == 1) return parts[0];
        return and ? new AndFilter(parts) : new OrFilter(parts);
    }
}

public enum CompareOp { Gte, Lte }

public sealed record AllFilter : Filter;
public sealed record EqFilter(string Field, object? Value) : Filter;
public sealed record InFilter(string Field, object[] Values) : Filter;
public sealed record CompareFilter(string Field, CompareOp Op, object Value) : Filter;
public sealed record AnyEqFilter(string Field, object Value) : Filter;
public sealed record AnyMatchFilter(string Field, string SubField, object Value) : Filter;
public sealed record ContainsTextFilter(string Term, string[] Fields) : Filter;
public sealed record AndFilter(Filter[] Filters) : Filter;
public sealed record OrFilter(Filter[] Filters) : Filter;

/// <summary>Sort on one field, ties broken by id in the same direction (both stores), so that pages never overlap.</summary>
public sealed record SortBy(string Field, bool Descending);

/// <summary>
/// A unique or plain index on one field; <see cref="CaseInsensitive"/> makes "A@x" and "a@x" the same key.
/// A field inside an array of sub-documents is written "Clients[*].ClientId".
/// </summary>
public sealed record IndexDefinition(string Field, bool Unique = false, bool CaseInsensitive = false)
{
    public string Name => $"{Field.Replace("[*]", string.Empty, StringComparison.Ordinal).Replace('.', '_')}{(CaseInsensitive ? "_ci" : string.Empty)}{(Unique ? "_unique" : string.Empty)}";

    /// <summary>The dotted path without array markers ("Clients.ClientId").</summary>
    public string DottedPath => Field.Replace("[*]", string.Empty, StringComparison.Ordinal);
}

public sealed record FindResult<T>(IReadOnlyList<T> Items, long Total);
