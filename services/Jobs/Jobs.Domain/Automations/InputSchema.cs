namespace Jobs.Domain.Automations;

/// <summary>The reference's IInputSchema: the fields an automation accepts (parameters, job variables or bucket data).</summary>
public sealed record InputSchema(IReadOnlyList<FieldSchema> Fields)
{
    public static readonly IReadOnlyList<string> FieldTypes = ["string", "number", "boolean", "object", "array"];
    public const int MaxFields = 200;

    /// <summary>Every rule the schema breaks; empty when it is well-formed.</summary>
    public IReadOnlyList<string> Problems(string schemaName)
    {
        var problems = new List<string>();
        if (Fields.Count > MaxFields) problems.Add($"{schemaName} has more than {MaxFields} fields");
        foreach (var (field, index) in Fields.Select((f, i) => (f, i)))
        {
            var at = $"{schemaName}.fields[{index}]";
            if (string.IsNullOrWhiteSpace(field.Name)) problems.Add($"{at}.name is required");
            else if (field.Name.Length > 100) problems.Add($"{at}.name must be at most 100 characters");
            if (!FieldTypes.Contains(field.Type)) problems.Add($"{at}.type must be one of: {string.Join(", ", FieldTypes)}");
            if (field.Min is not null && field.Max is not null && field.Min > field.Max) problems.Add($"{at}.min must not be greater than max");
        }
        foreach (var duplicate in Fields.GroupBy(f => f.Name).Where(g => g.Count() > 1 && !string.IsNullOrWhiteSpace(g.Key)))
            problems.Add($"{schemaName} has more than one field named '{duplicate.Key}'");
        return problems;
    }
}

public sealed record FieldSchema(string Name, string Type, bool Required, decimal? Min, decimal? Max);
