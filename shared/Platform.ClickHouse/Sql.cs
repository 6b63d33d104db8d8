using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Platform.ClickHouse;

/// <summary>
/// How a value becomes part of a statement when the server has no query parameters (18.16): only from values the code
/// parsed or chose itself. Free text is never quoted: it goes in as hex that the server decodes (<c>unhex('…')</c>),
/// so no character of it can end a literal.
/// </summary>
public static class Sql
{
    /// <summary>Any text, as an expression that yields it.</summary>
    public static string Text(string value) => $"unhex('{Convert.ToHexString(Encoding.UTF8.GetBytes(value))}')";

    /// <summary>A point in time, as seconds since 1970 (the server's DateTime, whatever its time zone).</summary>
    public static string Time(DateTimeOffset value) => $"toDateTime({value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)})";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Several texts, as an IN list.</summary>
    public static string TextList(IEnumerable<string> values) => "(" + string.Join(", ", values.Select(Text)) + ")";

    /// <summary>A 64-bit integer of a JSONEachRow row (ClickHouse quotes them by default).</summary>
    public static long Int64(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture)
        : value.GetInt64();
}
