using System.Text.Json;

namespace Platform.Api;

/// <summary>
/// Reads a JSON request body field by field and collects one message per field of the wrong type, so that a string
/// where a number is due is a 400 that names the field, never a 500 or a serializer's message.
/// Range and business rules belong to the use case's validator, not here.
/// </summary>
public sealed class JsonBody
{
    private readonly JsonElement _root;
    private readonly List<string> _errors = [];

    private JsonBody(JsonElement root) => _root = root;

    public IReadOnlyList<string> Errors => _errors;
    public bool IsValid => _errors.Count == 0;

    public static JsonBody Of(JsonElement? body, out string? error)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root)
        {
            error = "The request body must be a JSON object.";
            return new JsonBody(default);
        }
        error = null;
        return new JsonBody(root);
    }

    /// <summary>Reads a body that carries one required string field; null with the reasons when it doesn't.</summary>
    public static string? SingleString(JsonElement? body, string name, out IReadOnlyList<string> errors)
    {
        var json = Of(body, out var shapeError);
        if (shapeError is not null)
        {
            errors = [shapeError];
            return null;
        }
        var value = json.String(name, required: true);
        errors = json.Errors;
        return json.IsValid ? value : null;
    }

    private JsonElement? Get(string name, bool required)
    {
        if (_root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            return value;
        if (required) _errors.Add($"{name} is required");
        return null;
    }

    public string? String(string name, bool required = false)
    {
        if (Get(name, required) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.String)
        {
            var s = v.GetString()!;
            if (required && string.IsNullOrWhiteSpace(s)) _errors.Add($"{name} is required");
            return s;
        }
        _errors.Add($"{name} must be a string");
        return null;
    }

    public long? Integer(string name, bool required = false)
    {
        if (Get(name, required) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) return n;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue)
            return (long)d;
        _errors.Add($"{name} must be an integer");
        return null;
    }

    public decimal? Number(string name, bool required = false)
    {
        if (Get(name, required) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)) return d;
        _errors.Add($"{name} must be a number");
        return null;
    }

    public bool? Boolean(string name, bool required = false)
    {
        if (Get(name, required) is not { } v) return null;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        _errors.Add($"{name} must be a boolean");
        return null;
    }

    public IReadOnlyList<string>? StringArray(string name, bool required = false)
    {
        if (Get(name, required) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            return v.EnumerateArray().Select(e => e.GetString()!).ToList();
        _errors.Add($"{name} must be an array of strings");
        return null;
    }

    /// <summary>A string, or an array of strings (for fields the reference shows in both forms).</summary>
    public IReadOnlyList<string>? StringOrArray(string name, bool required = false)
    {
        if (Get(name, required) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.String) return [v.GetString()!];
        if (v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            return v.EnumerateArray().Select(e => e.GetString()!).ToList();
        _errors.Add($"{name} must be a string or an array of strings");
        return null;
    }

    /// <summary>A JSON object (or null), returned as its raw element for a use case to interpret.</summary>
    public JsonElement? Object(string name, bool required = false)
    {
        if (Get(name, required) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Object) return v.Clone();
        _errors.Add($"{name} must be an object");
        return null;
    }
}
