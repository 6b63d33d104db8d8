using Jobs.Application.Jobs;
using Jobs.Domain.Automations;
using Jobs.Domain.Jobs;
using Platform.Application.Events;
using Platform.Contracts;
using Platform.Contracts.Jobs;
using Platform.Domain;

namespace Jobs.Application.Events;

/// <summary>What other services hear of Jobs' domain events: the one place a job's integration events are built.</summary>
public sealed class JobIntegrationEvents : IIntegrationEventMap
{
    public IEnumerable<IntegrationEvent> Map(IDomainEvent domainEvent) => domainEvent switch
    {
        JobPostedDomainEvent posted => [Created(posted.Job, posted.Automation)],
        JobStatusChangedDomainEvent changed =>
            [new JobStatusChanged(changed.Job.Id, changed.Job.Owner.UserId, changed.Previous.ToWire(), changed.Current.ToWire())],
        JobFundingAbandonedDomainEvent abandoned => [new JobFundingAbandoned(abandoned.Job.Id, abandoned.Job.Owner.UserId)],
        JobReopenAbandonedDomainEvent reopen => [new JobReopenAbandoned(reopen.Job.Id, reopen.Job.Owner.UserId, reopen.ReopenId)],
        JobShareChangedDomainEvent shared =>
            [new JobShared(shared.Job.Id, shared.Job.Owner.UserId, shared.UserId, shared.Permission?.ToWire())],
        _ => throw new ArgumentException($"Jobs has no integration event for {domainEvent.GetType().Name}.", nameof(domainEvent)),
    };

    private static JobCreated Created(Job job, Automation? automation)
    {
        var t = job.Terms;
        return new JobCreated
        {
            JobId = job.Id,
            OwnerId = job.Owner.UserId,
            OwnerCountry = job.Owner.Country,
            Title = t.Title,
            Categories = t.Categories,
            JobType = t.JobType,
            PaymentType = t.PaymentType,
            JobPrice = t.JobPrice,
            Positions = t.Positions,
            DurationDays = t.DurationDays,
            DailyLimit = t.DailyLimit,
            TargetWorkers = t.TargetWorkers,
            FewTimes = t.FewTimes,
            Premium = t.Premium,
            Featured = t.Featured,
            AutoRate = t.AutoRate,
            IsProofFile = t.IsProofFile,
            Vcode = t.Vcode,
            MinRating = t.Gates.MinRating,
            AllowedWorkers = t.Gates.AllowedWorkers,
            WorkerInvites = t.Gates.WorkerInvites,
            TaskLimit = t.Gates.TaskLimit,
            Files = t.Gates.Files.Select(f => new JobProofFile(f.Name, f.Required, f.Types)).ToList(),
            Status = job.Status.ToWire(),
            Added = job.Added,
            ExpiresAt = job.ExpiresAt,
            AutomationId = automation?.Id,
            AutomationParametersSchema = ToContract(automation?.ParametersSchema),
            JobVariablesSchema = ToContract(automation?.JobVariablesSchema),
            BucketSchema = ToContract(automation?.BucketSchema),
            AutomationParameters = t.AutomationParameters,
        };
    }

    private static AutomationInputSchema? ToContract(InputSchema? schema) => schema is null
        ? null
        : new AutomationInputSchema(schema.Fields.Select(f => new AutomationInputField(f.Name, f.Type, f.Required, f.Min, f.Max)).ToList());
}
