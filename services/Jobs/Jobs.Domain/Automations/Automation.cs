namespace Jobs.Domain.Automations;

/// <summary>A device automation a job can run, with the schemas of its parameters, job variables and bucket data.</summary>
public sealed record Automation(
    string Id,
    string OwnerId,
    string Name,
    InputSchema? ParametersSchema,
    InputSchema? JobVariablesSchema,
    InputSchema? BucketSchema,
    DateTime Added);
