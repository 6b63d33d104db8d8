using Mediator;
using Payments.Application.Funding;
using Payments.Application.Referrals;
using Platform.Application.Results;
using Platform.Contracts.Identity;
using Platform.Contracts.Jobs;
using Platform.Messaging;
using Platform.Persistence.Inbox;

namespace Payments.Infrastructure.Messaging;

/// <summary>A job switched on or off, or ended: its hold follows (see <see cref="RecordJobStatus"/>).</summary>
public sealed class JobStatusChangedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<JobStatusChanged>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(JobStatusChanged m) => new RecordJobStatus(m.JobId, m.Status, m.OccurredAt.UtcDateTime);
}

/// <summary>A job Jobs never posted after all: what was held for it goes back.</summary>
public sealed class JobFundingAbandonedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<JobFundingAbandoned>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(JobFundingAbandoned m) => new AbandonJobFunding(m.JobId, m.OwnerId, m.OccurredAt.UtcDateTime);
}

/// <summary>A switch back on Jobs gave up: what it held again goes back (see <see cref="CancelJobReopen"/>).</summary>
public sealed class JobReopenAbandonedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<JobReopenAbandoned>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(JobReopenAbandoned m) => new CancelJobReopen(m.JobId, m.ReopenId, m.OccurredAt.UtcDateTime);
}

/// <summary>A user who signed up through a referral link: their referrer earns the bonus on their confirmed tasks.</summary>
public sealed class UserRegisteredConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<UserRegistered>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(UserRegistered m) => new RecordReferrer(m.UserId, m.ReferrerId!);

    protected override bool Concerns(UserRegistered m) => !string.IsNullOrEmpty(m.ReferrerId);
}
