using Devices.Application.Jobs;
using Devices.Domain.Buckets;
using Mediator;
using Platform.Application.Results;
using Platform.Contracts.Jobs;
using Platform.Domain;
using Platform.Messaging;
using Platform.Persistence.Inbox;

namespace Devices.Infrastructure.Messaging;

/// <summary>A posted job: who may use its buckets, and its automation's bucket schema.</summary>
public sealed class JobCreatedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<JobCreated>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(JobCreated m) => new RecordBucketJob(new BucketJob(m.JobId, m.OwnerId, m.AutomationId,
        m.BucketSchema?.Fields.Select(f => new InputField(f.Name, f.Type, f.Required, f.Min, f.Max)).ToList(), new Dictionary<string, string>()));
}

/// <summary>A job's shares: view reads its buckets, edit writes them.</summary>
public sealed class JobSharedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<JobShared>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(JobShared m) => new RecordJobShare(m.JobId, m.UserId, m.Permission);
}
