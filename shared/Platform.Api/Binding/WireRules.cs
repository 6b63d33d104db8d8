using System.Collections;
using System.Reflection;

namespace Platform.Api.Binding;

/// <summary>
/// The field accepts only these values (matched case-insensitively, kept in this spelling): listed here, or read
/// from a static list of strings (<c>[OneOf(typeof(JobRules), nameof(JobRules.Categories))]</c>) so that the rule and
/// the use case share one list. The reader refuses anything else; the OpenAPI document lists them as the enum.
/// <see cref="ErrorMessage"/> may use {0} (the field), {1} (the value) and {2} (the allowed values).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneOfAttribute : Attribute
{
    private readonly Func<IReadOnlyList<string>> _values;
    private Dictionary<string, string>? _canonical;
    private IReadOnlyList<string>? _allowed;

    public OneOfAttribute(params string[] values) => _values = () => values;

    public OneOfAttribute(Type source, string member) => _values = () => Read(source, member);

    public string? ErrorMessage { get; set; }

    /// <summary>More values accepted than the list (e.g. "worldwide" besides the country codes).</summary>
    public string[] Also { get; set; } = [];

    /// <summary>Every accepted value in its spelling, read once (the reader checks each request against it).</summary>
    public IReadOnlyList<string> Allowed => _allowed ??= [.. _values(), .. Also];

    /// <summary>The accepted spelling of <paramref name="value"/>, matched case-insensitively; null when it isn't accepted.</summary>
    public string? Canonical(string value)
    {
        _canonical ??= Allowed.DistinctBy(v => v, StringComparer.OrdinalIgnoreCase).ToDictionary(v => v, StringComparer.OrdinalIgnoreCase);
        return _canonical.GetValueOrDefault(value.Trim());
    }

    private static List<string> Read(Type source, string member)
    {
        var value = source.GetProperty(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                    ?? source.GetField(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                    ?? throw new InvalidOperationException($"{source.Name}.{member} is not a public static list of strings.");
        return ((IEnumerable)value).Cast<string>().ToList();
    }
}

/// <summary>A count read from the query that saturates instead of failing: a number too large for an int is the largest int.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SaturatingAttribute : Attribute;

/// <summary>A decimal with at most this many digits after the point.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxDecimalsAttribute(int places) : Attribute
{
    public int Places { get; } = places;
}

/// <summary>A string field that also takes an array of strings (the reference shows it in both forms); documented as a string.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SingleOrListAttribute : Attribute;

/// <summary>
/// A <see cref="Platform.Application.Files.Base64File"/> field decodes to at most this many bytes; longer text is refused
/// before it is decoded.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxDecodedBytesAttribute(int bytes) : Attribute
{
    public int Bytes { get; } = bytes;
}
