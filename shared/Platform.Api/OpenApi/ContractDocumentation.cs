using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.Api.Binding;

namespace Platform.Api.OpenApi;

/// <summary>
/// Writes each endpoint's request contract into the OpenAPI document: the body's schema (JSON or form) or one query
/// parameter per field, with the same types, ranges, lengths, allowed values and defaults the reader enforces.
/// </summary>
public sealed class RequestContractOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var contract in context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestContract>())
        {
            if (contract.Location == RequestContractLocation.Query)
            {
                operation.Parameters ??= [];
                foreach (var field in ContractShape.Of(contract.Type))
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = field.Name,
                        In = ParameterLocation.Query,
                        Required = field.Required,
                        Description = field.Description,
                        Schema = FieldSchema(field),
                    });
                continue;
            }

            // The body's schema is a named component (CreateJobRequest), so that generated clients get a type of that name.
            var name = contract.Type.Name;
            if (context.Document?.Components?.Schemas?.ContainsKey(name) != true)
                context.Document!.AddComponent<IOpenApiSchema>(name, await context.GetOrCreateSchemaAsync(contract.Type, null, cancellationToken));
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { [contract.ContentType] = new() { Schema = new OpenApiSchemaReference(name, context.Document) } },
            };
        }
    }

    /// <summary>A query parameter's schema from its field: type, bounds, allowed values, default.</summary>
    private static OpenApiSchema FieldSchema(ContractField field)
    {
        var schema = new OpenApiSchema
        {
            Type = field.Kind switch
            {
                FieldKind.Integer => JsonSchemaType.Integer,
                FieldKind.Number => JsonSchemaType.Number,
                FieldKind.Boolean => JsonSchemaType.Boolean,
                FieldKind.StringList => JsonSchemaType.Array,
                _ => JsonSchemaType.String,
            },
            MaxLength = field.MaxLength,
        };
        if (field.Kind == FieldKind.Integer) schema.Format = "int32";
        if (field.Kind == FieldKind.StringList) schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        if (field.Range is { } range)
        {
            schema.Minimum = Convert.ToString(range.Minimum, CultureInfo.InvariantCulture);
            if (Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture) < int.MaxValue || field.Kind != FieldKind.Integer)
                schema.Maximum = Convert.ToString(range.Maximum, CultureInfo.InvariantCulture);
        }
        if (field.OneOf is { } oneOf) schema.Enum = oneOf.Allowed.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        if (field.Default is { } value) schema.Default = JsonValue.Create(value);
        return schema;
    }
}

/// <summary>
/// What the framework's schemas don't know of a contract's fields: the allowed values of a <see cref="OneOfAttribute"/>
/// field (the enum), a <see cref="SingleOrListAttribute"/> field documented as the string the reference shows, and a
/// base64 file (read into bytes) documented as the string it is on the wire.
/// </summary>
public sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(Platform.Application.Files.Base64File))
        {
            schema.Type = JsonSchemaType.String;
            schema.Properties = null;
            schema.Required = null;
        }
        var attributes = context.JsonPropertyInfo?.AttributeProvider;
        if (attributes is null) return Task.CompletedTask;
        if (attributes.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute), false).Length > 0 && schema.Type is { } type)
            schema.Type = type & ~JsonSchemaType.Null; // the reader refuses a null there
        if (attributes.GetCustomAttributes(typeof(SingleOrListAttribute), false).Length > 0)
        {
            schema.Type = JsonSchemaType.String;
            schema.Items = null;
            schema.MinItems = null;
            schema.MaxItems = null;
        }
        if (attributes.GetCustomAttributes(typeof(OneOfAttribute), false).FirstOrDefault() is OneOfAttribute oneOf)
        {
            var values = oneOf.Allowed.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
            if (schema.Items is OpenApiSchema items) items.Enum = values;
            else schema.Enum = values;
        }
        if (attributes.GetCustomAttributes(typeof(MaxDecimalsAttribute), false).FirstOrDefault() is MaxDecimalsAttribute decimals)
            schema.MultipleOf = 1m / (decimal)Math.Pow(10, decimals.Places);
        return Task.CompletedTask;
    }
}
