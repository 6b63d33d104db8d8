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
    private readonly Lazy<IReadOnlyList<string>> _values;

    public OneOfAttribute(params string[] values) => _values = new(() => values);

    public OneOfAttribute(Type source, string member) => _values = new(() => Read(source, member));

    public IReadOnlyList<string> Values => _values.Value;

    public string? ErrorMessage { get; set; }

    /// <summary>More values accepted than <see cref="Values"/> (e.g. "worldwide" besides the country codes).</summary>
    public string[] Also { get; set; } = [];

    public IReadOnlyList<string> Allowed => [.. Values, .. Also];

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
