using System.Collections.Concurrent;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Platform.Api.Binding;

/// <summary>What a value on the wire is read as.</summary>
public enum FieldKind
{
    String,
    Integer,
    Number,
    Boolean,
    StringList,
    Object,
    ObjectList,
    /// <summary>Any JSON object, kept as it came (a <see cref="System.Text.Json.Nodes.JsonObject"/>).</summary>
    FreeObject,
    /// <summary>A file as base64 text, decoded as it is read (a <see cref="Platform.Application.Files.Base64File"/>).</summary>
    Base64,
}

/// <summary>One field of a request contract: its wire name, kind and rules, from the property and its attributes.</summary>
public sealed record ContractField(
    PropertyInfo Property,
    string Name,
    FieldKind Kind,
    Type? ObjectType,
    bool Required,
    RangeAttribute? Range,
    int? MaxLength,
    int? MinLength,
    OneOfAttribute? OneOf,
    int? MaxDecimals,
    bool Saturating,
    bool SingleOrList,
    string? Description,
    object? Default,
    int? MaxDecodedBytes);

/// <summary>
/// The fields of a request contract (a record with init properties named by <see cref="JsonPropertyNameAttribute"/>),
/// read once per type: the one description the reader binds with and the OpenAPI document is written from.
/// </summary>
public static class ContractShape
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ContractField>> Shapes = new();

    public static IReadOnlyList<ContractField> Of(Type type) => Shapes.GetOrAdd(type, Describe);

    private static IReadOnlyList<ContractField> Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p =>
            {
                var (kind, objectType) = KindOf(p.PropertyType);
                return new ContractField(
                    p,
                    p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name,
                    kind,
                    objectType,
                    p.GetCustomAttribute<RequiredAttribute>() is not null,
                    p.GetCustomAttribute<RangeAttribute>(),
                    p.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength ?? p.GetCustomAttribute<MaxLengthAttribute>()?.Length,
                    p.GetCustomAttribute<StringLengthAttribute>()?.MinimumLength is > 0 and var least ? least : p.GetCustomAttribute<MinLengthAttribute>()?.Length,
                    p.GetCustomAttribute<OneOfAttribute>(),
                    p.GetCustomAttribute<MaxDecimalsAttribute>()?.Places,
                    p.GetCustomAttribute<SaturatingAttribute>() is not null,
                    p.GetCustomAttribute<SingleOrListAttribute>() is not null,
                    p.GetCustomAttribute<DescriptionAttribute>()?.Description,
                    p.GetCustomAttribute<DefaultValueAttribute>()?.Value,
                    p.GetCustomAttribute<MaxDecodedBytesAttribute>()?.Bytes);
            })
            .ToList();

    private static (FieldKind, Type?) KindOf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return (FieldKind.String, null);
        if (t == typeof(int) || t == typeof(long)) return (FieldKind.Integer, null);
        if (t == typeof(decimal) || t == typeof(double)) return (FieldKind.Number, null);
        if (t == typeof(bool)) return (FieldKind.Boolean, null);
        if (t == typeof(System.Text.Json.Nodes.JsonObject)) return (FieldKind.FreeObject, null);
        if (t == typeof(Platform.Application.Files.Base64File)) return (FieldKind.Base64, null);
        var element = t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? t.GetGenericArguments()[0] : null;
        if (element == typeof(string)) return (FieldKind.StringList, null);
        if (element is { IsClass: true }) return (FieldKind.ObjectList, element);
        if (t.IsClass) return (FieldKind.Object, t);
        throw new NotSupportedException($"A contract field of type {type.Name} can't be read.");
    }
}
