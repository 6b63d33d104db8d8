using System.Globalization;
using Platform.Application.Paging;

namespace Platform.Api;

/// <summary>Parses query-string values that arrive as strings, collecting a message for each bad one.</summary>
public sealed class QueryValues
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;
    public bool IsValid => _errors.Count == 0;

    public int? Integer(string name, string? raw, int min = int.MinValue, int max = int.MaxValue)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        _errors.Add(min == int.MinValue ? $"{name} must be an integer" : $"{name} must be an integer from {min}{(max == int.MaxValue ? " up" : $" to {max}")}");
        return null;
    }

    public decimal? Number(string name, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) return d;
        _errors.Add($"{name} must be a number");
        return null;
    }

    public bool? Boolean(string name, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        if (bool.TryParse(raw, out var b)) return b;
        if (raw == "1") return true;
        if (raw == "0") return false;
        _errors.Add($"{name} must be true or false");
        return null;
    }

    public string? OneOf(string name, string? raw, params string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var match = allowed.FirstOrDefault(a => string.Equals(a, raw, StringComparison.OrdinalIgnoreCase));
        if (match is null) _errors.Add($"{name} must be one of: {string.Join(", ", allowed)}");
        return match;
    }

    /// <summary>
    /// page from 1, limit from 1 (default 10); any limit above 100 is taken as 100 and any page beyond the int range as the
    /// last int (an empty page), however many digits they have. Zero, negative or non-numeric values are a 400.
    /// </summary>
    public PageRequest Page(string? page, string? limit)
    {
        var p = PositiveCount("page", page) ?? 1;
        var l = PositiveCount("limit", limit) ?? PageRequest.DefaultLimit;
        return new PageRequest(p, Math.Min(l, PageRequest.MaxLimit));
    }

    /// <summary>A whole number from 1, saturated at <see cref="int.MaxValue"/>.</summary>
    private int? PositiveCount(string name, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var digits = raw.Trim().TrimStart('+');
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit) && digits.TrimStart('0').Length > 0)
            return digits.TrimStart('0').Length > 10 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? int.MaxValue : n;
        _errors.Add($"{name} must be an integer from 1 up");
        return null;
    }

    public SortDirection Orientation(string? raw, SortDirection fallback) =>
        OneOf("orientation", raw, "asc", "desc") switch
        {
            "asc" => SortDirection.Ascending,
            "desc" => SortDirection.Descending,
            _ => fallback,
        };
}
