using Mediator;
using Platform.Application.Results;
using Platform.Contracts.Jobs;
using Platform.Messaging;
using Platform.Persistence.Inbox;
using Tasks.Application.Jobs;
using Tasks.Domain.Jobs;

namespace Tasks.Infrastructure.Messaging;

/// <summary>A posted job becomes Tasks' copy, with its positions open.</summary>
public sealed class JobCreatedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<JobCreated>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(JobCreated m) => new RecordJobPosted(new Job
    {
        Id = m.JobId,
        OwnerId = m.OwnerId,
        Title = m.Title,
        JobType = m.JobType,
        JobPrice = m.JobPrice,
        Positions = m.Positions,
        Gates = new JobGates(m.TargetWorkers, m.FewTimes, m.Premium, m.MinRating, m.AllowedWorkers, m.WorkerInvites, m.TaskLimit, m.DailyLimit,
            m.Files.Select(f => new ProofFileField(f.Name, f.Required, f.Types)).ToList()),
        AutoRate = m.AutoRate,
        Vcode = m.Vcode,
        AutomationId = m.AutomationId,
        AutomationParameters = m.AutomationParameters,
        Status = ParseStatus(m.Status),
        Added = m.Added,
        ExpiresAt = m.ExpiresAt,
    });

    internal static JobStatus ParseStatus(string status) =>
        Enum.TryParse<JobStatus>(status, ignoreCase: true, out var parsed) ? parsed : throw new ArgumentException($"Unknown job status '{status}'.", nameof(status));
}

/// <summary>A job's new status: only an active job takes new tasks.</summary>
public sealed class JobStatusChangedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<JobStatusChanged>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(JobStatusChanged m) => new RecordJobStatus(m.JobId, JobCreatedConsumer.ParseStatus(m.Status));
}

/// <summary>A job's shares: who else sees and manages its tasks.</summary>
public sealed class JobSharedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<JobShared>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(JobShared m) => new RecordJobShare(m.JobId, m.UserId,
        m.Permission is null ? null : Enum.Parse<SharePermission>(m.Permission, ignoreCase: true));
}
