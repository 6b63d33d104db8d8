using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Platform.Api.Binding;

/// <summary>A request contract as read: the value when every field is well-formed, else every reason it isn't.</summary>
public sealed record Bound<T>(T? Value, IReadOnlyList<string> Errors) where T : class
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The one reader of request contracts (JSON bodies, query strings, forms). It checks each field's type and its rules
/// (required, range, length, allowed values, decimals) in one pass and lists every problem, so that a caller sees types
/// and ranges in one 400, named by the wire field, never a serializer's message or a 500. What a rule needs beyond the
/// input itself (does the automation exist?) stays with the use case.
/// </summary>
public static class ContractReader
{
    public const string NotAnObject = "The request body must be a JSON object.";

    public static Bound<T> FromJson<T>(JsonElement? body) where T : class, new()
    {
        if (body is not { ValueKind: JsonValueKind.Object } root) return new Bound<T>(null, [NotAnObject]);
        var errors = new List<string>();
        var value = (T)ReadObject(typeof(T), root, prefix: string.Empty, errors);
        return new Bound<T>(errors.Count == 0 ? value : null, errors);
    }

    /// <summary>Reads string values by name (a query string or a form): lists are repeated names.</summary>
    public static Bound<T> FromValues<T>(Func<string, StringValues> values) where T : class, new()
    {
        var errors = new List<string>();
        var result = new T();
        foreach (var field in ContractShape.Of(typeof(T)))
        {
            var raw = values(field.Name);
            if (StringValues.IsNullOrEmpty(raw) || (raw.Count == 1 && string.IsNullOrWhiteSpace(raw[0])))
            {
                if (field.Required) errors.Add($"{field.Name} is required");
                continue;
            }
            var parsed = field.Kind switch
            {
                FieldKind.String => Check(field, field.Name, raw[0]!.Trim(), errors),
                FieldKind.StringList => CheckList(field, field.Name, raw.Select(v => v!.Trim()).ToList(), errors),
                FieldKind.Integer => ParseInteger(field, raw[0]!.Trim(), errors),
                FieldKind.Number => decimal.TryParse(raw[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
                    ? CheckNumber(field, field.Name, d, errors)
                    : Fail(errors, $"{field.Name} must be a number"),
                FieldKind.Boolean => ParseBoolean(raw[0]!.Trim()) is { } b ? b : Fail(errors, $"{field.Name} must be true or false"),
                _ => throw new NotSupportedException($"{field.Name}: a {field.Kind} can't come from a query string or form."),
            };
            if (parsed is not null) field.Property.SetValue(result, parsed);
        }
        return new Bound<T>(errors.Count == 0 ? result : null, errors);
    }

    private static object ReadObject(Type type, JsonElement json, string prefix, List<string> errors)
    {
        var result = Activator.CreateInstance(type)!;
        foreach (var field in ContractShape.Of(type))
        {
            var name = prefix + field.Name;
            if (!json.TryGetProperty(field.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (field.Required) errors.Add($"{name} is required");
                continue;
            }
            var read = Read(field, name, value, errors);
            if (read is not null) field.Property.SetValue(result, read);
        }
        return result;
    }

    private static object? Read(ContractField field, string name, JsonElement value, List<string> errors)
    {
        switch (field.Kind)
        {
            case FieldKind.String when value.ValueKind == JsonValueKind.String:
                return Check(field, name, value.GetString()!, errors);
            case FieldKind.StringList when value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                return CheckList(field, name, value.EnumerateArray().Select(e => e.GetString()!).ToList(), errors);
            case FieldKind.StringList when field.SingleOrList && value.ValueKind == JsonValueKind.String:
                return CheckList(field, name, [value.GetString()!], errors);
            case FieldKind.Integer when value.ValueKind == JsonValueKind.Number && AsWholeNumber(value) is { } whole:
                return CheckInteger(field, name, whole, errors);
            case FieldKind.Number when value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number):
                return CheckNumber(field, name, number, errors);
            case FieldKind.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return value.GetBoolean();
            case FieldKind.Object when value.ValueKind == JsonValueKind.Object:
                return ReadObject(field.ObjectType!, value, name + ".", errors);
            case FieldKind.Base64 when value.ValueKind == JsonValueKind.String:
                return Base64Reader.Decode(value, field.MaxDecodedBytes ?? int.MaxValue);
            case FieldKind.FreeObject when value.ValueKind == JsonValueKind.Object:
                return System.Text.Json.Nodes.JsonObject.Create(value.Clone());
            case FieldKind.ObjectList when value.ValueKind == JsonValueKind.Array:
                return ReadObjectList(field, name, value, errors);
            default:
                errors.Add($"{name} must be {Expected(field)}");
                return null;
        }
    }

    private static object ReadObjectList(ContractField field, string name, JsonElement array, List<string> errors)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(field.ObjectType!))!;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{name}[{index++}]";
            if (item.ValueKind == JsonValueKind.Object) list.Add(ReadObject(field.ObjectType!, item, at + ".", errors));
            else errors.Add($"{at} must be an object");
        }
        if (field.MaxLength is { } max && list.Count > max) errors.Add($"{name} has more than {max} items");
        return list;
    }

    private static string Expected(ContractField field) => field.Kind switch
    {
        FieldKind.String or FieldKind.Base64 => "a string",
        FieldKind.StringList => field.SingleOrList ? "a string or an array of strings" : "an array of strings",
        FieldKind.Integer => "an integer",
        FieldKind.Number => "a number",
        FieldKind.Boolean => "a boolean",
        FieldKind.Object or FieldKind.FreeObject => "an object",
        _ => "an array",
    };

    /// <summary>A JSON number without a fraction (3 and 3.0 alike); one beyond decimal's range saturates, so a range check refuses it.</summary>
    private static decimal? AsWholeNumber(JsonElement value)
    {
        if (value.TryGetDecimal(out var d)) return d == decimal.Truncate(d) ? d : null;
        var x = value.GetDouble();
        return x != Math.Truncate(x) ? null : x > 0 ? decimal.MaxValue : decimal.MinValue;
    }

    private static object? Check(ContractField field, string name, string value, List<string> errors)
    {
        if (field.Required && string.IsNullOrWhiteSpace(value)) return Fail(errors, $"{name} is required");
        if (field.MinLength is { } min && value.Length < min) return Fail(errors, $"{name} must be at least {min} characters");
        if (field.MaxLength is { } max && value.Length > max) return Fail(errors, $"{name} must be at most {max} characters");
        return field.OneOf is { } oneOf ? Allowed(oneOf, name, value, errors) : value;
    }

    private static object? CheckList(ContractField field, string name, List<string> values, List<string> errors)
    {
        if (field.MinLength is { } min && values.Count < min) return Fail(errors, min == 1 ? $"{name} must not be empty" : $"{name} must have at least {min} items");
        if (field.MaxLength is { } max && values.Count > max) return Fail(errors, $"{name} must have at most {max} items");
        if (field.OneOf is not { } oneOf) return values;
        var before = errors.Count;
        var canonical = values.Select(v => Allowed(oneOf, name, v, errors)).ToList();
        return errors.Count == before ? canonical.Cast<string>().ToList() : null;
    }

    private static object? Allowed(OneOfAttribute oneOf, string name, string value, List<string> errors)
    {
        if (oneOf.Canonical(value) is { } match) return match;
        var format = oneOf.ErrorMessage ?? "{0} must be one of: {2}";
        return Fail(errors, string.Format(CultureInfo.InvariantCulture, format, name, value, string.Join(", ", oneOf.Allowed)));
    }

    private static object? CheckInteger(ContractField field, string name, decimal value, List<string> errors)
    {
        var range = field.Range;
        if (range is not null && !InRange(range, value)) return Fail(errors, RangeMessage(range, name, value));
        var type = Nullable.GetUnderlyingType(field.Property.PropertyType) ?? field.Property.PropertyType;
        if (type == typeof(int) && value is < int.MinValue or > int.MaxValue)
            return Fail(errors, $"{name} must be an integer from {int.MinValue} to {int.MaxValue}");
        if (value is < long.MinValue or > long.MaxValue) return Fail(errors, $"{name} must be an integer from {long.MinValue} to {long.MaxValue}");
        return type == typeof(int) ? (object)(int)value : (long)value;
    }

    private static object? CheckNumber(ContractField field, string name, decimal value, List<string> errors)
    {
        if (field.Range is { } range && !InRange(range, value)) return Fail(errors, RangeMessage(range, name, value));
        if (field.MaxDecimals is { } places && value != decimal.Round(value, places))
            return Fail(errors, $"{name} must have at most {places} decimals");
        var type = Nullable.GetUnderlyingType(field.Property.PropertyType) ?? field.Property.PropertyType;
        return type == typeof(double) ? (object)(double)value : value;
    }

    private static object? ParseInteger(ContractField field, string raw, List<string> errors)
    {
        var digits = raw.TrimStart('+');
        var isWhole = digits.Length > 0 && (digits.All(char.IsAsciiDigit) || (digits[0] == '-' && digits.Length > 1 && digits[1..].All(char.IsAsciiDigit)));
        if (!isWhole) return Fail(errors, $"{field.Name} must be {IntegerRangeText(field)}");
        if (field.Saturating && digits[0] != '-' && !decimal.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            return CheckInteger(field, field.Name, int.MaxValue, errors);
        var value = decimal.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (field.Saturating && value > int.MaxValue) value = int.MaxValue;
        return CheckInteger(field, field.Name, value, errors);
    }

    private static string IntegerRangeText(ContractField field) => field.Range is { } r
        ? IsOpenEnded(r) ? $"an integer from {r.Minimum} up" : $"an integer from {r.Minimum} to {r.Maximum}"
        : "an integer";

    /// <summary>A range whose top is the largest int: "from 1 up" rather than "from 1 to 2147483647".</summary>
    private static bool IsOpenEnded(RangeAttribute range) => Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture) >= int.MaxValue;

    private static bool? ParseBoolean(string raw) => raw.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    private static bool InRange(RangeAttribute range, decimal value)
    {
        var min = Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture);
        var max = Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture);
        return (range.MinimumIsExclusive ? value > min : value >= min) && (range.MaximumIsExclusive ? value < max : value <= max);
    }

    private static string RangeMessage(RangeAttribute range, string name, decimal value)
    {
        if (range.ErrorMessage is { } format) return string.Format(CultureInfo.InvariantCulture, format, name, range.Minimum, range.Maximum);
        var min = Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture);
        if (range.MinimumIsExclusive && value <= min) return $"{name} must be greater than {range.Minimum}";
        if (range.MinimumIsExclusive) return $"{name} must be at most {range.Maximum}";
        return IsOpenEnded(range)
            ? $"{name} must be an integer from {range.Minimum} up"
            : $"{name} must be from {range.Minimum} to {range.Maximum}";
    }

    private static object? Fail(List<string> errors, string message)
    {
        errors.Add(message);
        return null;
    }
}
