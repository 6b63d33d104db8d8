namespace Platform.Contracts.Jobs;

/// <summary>An employer posted a job. Tasks, Payments and Devices keep what they need of it.</summary>
public sealed record JobCreated(
    string JobId,
    string OwnerId,
    string Title,
    string JobType,
    string PaymentType,
    decimal JobPrice,
    int Positions,
    int DurationDays,
    string Status,
    IReadOnlyList<string> TargetWorkers,
    string? AutomationId,
    string? JobVariablesSchemaJson,
    string? BucketSchemaJson) : IntegrationEvent;

/// <summary>A job went active or inactive.</summary>
public sealed record JobStatusChanged(string JobId, string OwnerId, string PreviousStatus, string Status) : IntegrationEvent;

/// <summary>An owner shared a job (permission "view" or "edit"), or removed a share (permission null).</summary>
public sealed record JobShared(string JobId, string OwnerId, string UserId, string? Permission) : IntegrationEvent;
