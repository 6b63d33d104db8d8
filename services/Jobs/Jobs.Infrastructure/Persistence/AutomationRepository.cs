using Jobs.Application.Ports;
using Jobs.Domain.Automations;
using Platform.Persistence;

namespace Jobs.Infrastructure.Persistence;

public sealed class AutomationDocument : Document
{
    public string OwnerId { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public List<FieldDocument>? ParametersSchema { get; set; }
    public List<FieldDocument>? JobVariablesSchema { get; set; }
    public List<FieldDocument>? BucketSchema { get; set; }
    public DateTime Added { get; set; }
}

public sealed class FieldDocument
{
    public string Name { get; set; } = string.Empty;
    public string Type { get; set; } = string.Empty;
    public bool Required { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
}

public sealed class AutomationRepository(IDocumentStore store) : IAutomationRepository
{
    public const string CollectionName = "automations";
    private readonly IDocumentCollection<AutomationDocument> _automations = store.Collection<AutomationDocument>(CollectionName);

    public async Task<Automation?> GetAsync(string automationId, CancellationToken cancellationToken)
    {
        var d = await _automations.GetAsync(automationId, cancellationToken);
        return d is null ? null : new Automation(d.Id, d.OwnerId, d.Name, ToSchema(d.ParametersSchema), ToSchema(d.JobVariablesSchema), ToSchema(d.BucketSchema), d.Added);
    }

    public Task AddAsync(Automation automation, CancellationToken cancellationToken) =>
        _automations.InsertAsync(new AutomationDocument
        {
            Id = automation.Id,
            OwnerId = automation.OwnerId,
            Name = automation.Name,
            ParametersSchema = ToDocument(automation.ParametersSchema),
            JobVariablesSchema = ToDocument(automation.JobVariablesSchema),
            BucketSchema = ToDocument(automation.BucketSchema),
            Added = automation.Added,
        }, cancellationToken: cancellationToken);

    private static List<FieldDocument>? ToDocument(InputSchema? schema) =>
        schema?.Fields.Select(f => new FieldDocument { Name = f.Name, Type = f.Type, Required = f.Required, Min = f.Min, Max = f.Max }).ToList();

    private static InputSchema? ToSchema(List<FieldDocument>? fields) =>
        fields is null ? null : new InputSchema(fields.Select(f => new FieldSchema(f.Name, f.Type, f.Required, f.Min, f.Max)).ToList());
}
