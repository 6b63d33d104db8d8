using System.Text.Json;
using System.Text.Json.Serialization;
using Jobs.Domain.Automations;
using Jobs.Domain.Jobs;
using Platform.Api;

namespace Jobs.Api.Contracts;

/// <summary>The create-job body as documented (for the OpenAPI description); the endpoint reads it field by field.</summary>
public sealed record CreateJobRequest(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("proof")] string Proof,
    [property: JsonPropertyName("is_proof_file")] bool? IsProofFile,
    [property: JsonPropertyName("auto_rate")] bool? AutoRate,
    [property: JsonPropertyName("vcode")] string? Vcode,
    [property: JsonPropertyName("Target_Workers")] IReadOnlyList<string>? TargetWorkers,
    [property: JsonPropertyName("few_times")] bool? FewTimes,
    [property: JsonPropertyName("premium")] bool? Premium,
    [property: JsonPropertyName("featured")] bool? Featured,
    [property: JsonPropertyName("duration")] int Duration,
    [property: JsonPropertyName("positions")] int Positions,
    [property: JsonPropertyName("daily_limit")] int? DailyLimit,
    [property: JsonPropertyName("job_price")] decimal JobPrice,
    [property: JsonPropertyName("job_type")] string? JobType,
    [property: JsonPropertyName("payment_type")] string? PaymentType,
    [property: JsonPropertyName("automation_id")] string? AutomationId)
{
    /// <summary>Reads the body into job terms, or the list of fields of the wrong type or missing.</summary>
    public static (JobTerms? Terms, IReadOnlyList<string> Errors) Read(JsonElement? body)
    {
        var json = JsonBody.Of(body, out var shapeError);
        if (shapeError is not null) return (null, [shapeError]);

        var title = json.String("title", required: true);
        var category = json.StringOrArray("category", required: true);
        var description = json.String("description", required: true);
        var proof = json.String("proof", required: true);
        var isProofFile = json.Boolean("is_proof_file");
        var autoRate = json.Boolean("auto_rate");
        var vcode = json.String("vcode");
        var targetWorkers = json.StringArray("Target_Workers");
        var fewTimes = json.Boolean("few_times");
        var premium = json.Boolean("premium");
        var featured = json.Boolean("featured");
        var duration = json.Integer("duration", required: true);
        var positions = json.Integer("positions", required: true);
        var dailyLimit = json.Integer("daily_limit");
        var jobPrice = json.Number("job_price", required: true);
        var jobType = json.String("job_type");
        var paymentType = json.String("payment_type");
        var automationId = json.String("automation_id");
        if (!json.IsValid) return (null, json.Errors);

        var terms = new JobTerms(title!, category!, description!, proof!, isProofFile ?? false, autoRate ?? false, vcode,
            targetWorkers ?? [JobRules.Worldwide], fewTimes ?? false, premium ?? false, featured ?? false,
            Clamp(duration!.Value), Clamp(positions!.Value), Clamp(dailyLimit ?? 0), jobPrice!.Value,
            jobType ?? (automationId is null ? "manual" : "devices_automation"), paymentType ?? "action", automationId);
        return (terms, []);
    }

    /// <summary>Out-of-range integers stay out of range (the validator reports them) without overflowing.</summary>
    private static int Clamp(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}

public sealed record ChangeJobStatusRequest([property: JsonPropertyName("status")] string Status);

public sealed record ShareJobRequest([property: JsonPropertyName("permission")] string Permission);

public sealed record RegisterAutomationRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("automation_parameters_schema")] InputSchemaResponse? AutomationParametersSchema,
    [property: JsonPropertyName("job_variables_schema")] InputSchemaResponse? JobVariablesSchema,
    [property: JsonPropertyName("bucket_schema")] InputSchemaResponse? BucketSchema)
{
    /// <summary>Reads an IInputSchema ({fields: [{name, type, required, min, max}]}) or null; type errors name the field.</summary>
    public static InputSchema? ReadSchema(JsonBody json, string name, List<string> errors)
    {
        var element = json.Object(name);
        if (element is not { } schema) return null;
        if (!schema.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{name}.fields must be an array");
            return null;
        }

        var result = new List<FieldSchema>();
        var index = 0;
        foreach (var field in fields.EnumerateArray())
        {
            var at = $"{name}.fields[{index++}]";
            if (field.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{at} must be an object");
                continue;
            }
            var fieldJson = JsonBody.Of(field, out _);
            var fieldName = fieldJson.String("name", required: true);
            var type = fieldJson.String("type", required: true);
            var required = fieldJson.Boolean("required");
            var min = fieldJson.Number("min");
            var max = fieldJson.Number("max");
            errors.AddRange(fieldJson.Errors.Select(e => $"{at}.{e}"));
            if (fieldJson.IsValid) result.Add(new FieldSchema(fieldName!, type!, required ?? false, min, max));
        }
        return new InputSchema(result);
    }
}
