using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Domain;

/// <summary>
/// One field of the reference's IInputSchema (an automation's parameters, job variables or bucket data): its name,
/// type (string, number, boolean, object, array), whether it must be there, and its bounds: a number's value, a
/// string's length, an array's item count.
/// </summary>
public sealed record InputField(string Name, string Type, bool Required, decimal? Min, decimal? Max);

/// <summary>Checks a JSON object against an IInputSchema's fields; Jobs checks a job's automation parameters with it, Devices a bucket's data.</summary>
public static class InputValues
{
    /// <summary>
    /// Every rule <paramref name="value"/> breaks, each named "<paramref name="what"/>.field …"; empty when it fits.
    /// A key the schema doesn't declare is a problem unless <paramref name="allowUndeclared"/>. JSON null counts as absent.
    /// </summary>
    public static IReadOnlyList<string> Problems(JsonObject value, IReadOnlyList<InputField> fields, string what, bool allowUndeclared)
    {
        var problems = new List<string>();
        foreach (var field in fields)
        {
            var name = $"{what}.{field.Name}";
            if (!value.TryGetPropertyValue(field.Name, out var node) || node is null)
            {
                if (field.Required) problems.Add($"{name} is required");
                continue;
            }
            if (ProblemOf(node, field, name) is { } problem) problems.Add(problem);
        }
        if (!allowUndeclared)
        {
            foreach (var (key, _) in value.Where(p => fields.All(f => f.Name != p.Key)))
                problems.Add($"{what}.{key} is not a field of the schema");
        }
        return problems;
    }

    private static string? ProblemOf(JsonNode node, InputField field, string name)
    {
        var kind = node.GetValueKind();
        switch (field.Type)
        {
            case "string" when kind == JsonValueKind.String:
                return Bounds(node.GetValue<string>().Length, field, name, "characters");
            case "number" when kind == JsonValueKind.Number:
                if (!node.AsValue().TryGetValue<decimal>(out var number)) return $"{name} is out of range";
                if (field.Min is { } min && number < min) return $"{name} must be at least {Text(min)}";
                if (field.Max is { } max && number > max) return $"{name} must be at most {Text(max)}";
                return null;
            case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
            case "object" when kind == JsonValueKind.Object:
                return null;
            case "array" when kind == JsonValueKind.Array:
                return Bounds(node.AsArray().Count, field, name, "items");
            default:
                return $"{name} must be {(field.Type is "array" or "object" ? "an" : "a")} {field.Type}";
        }
    }

    private static string? Bounds(int count, InputField field, string name, string unit)
    {
        if (field.Min is { } min && count < min) return $"{name} must have at least {Text(min)} {unit}";
        if (field.Max is { } max && count > max) return $"{name} must have at most {Text(max)} {unit}";
        return null;
    }

    private static string Text(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
