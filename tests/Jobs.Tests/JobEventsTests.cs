using Jobs.Application.Events;
using Jobs.Domain.Automations;
using Jobs.Domain.Jobs;
using Platform.Application.Events;
using Platform.Contracts.Jobs;

namespace Jobs.Tests;

/// <summary>What a job records as it changes, and what other services hear of it.</summary>
public sealed class JobEventsTests
{
    private static readonly JobOwner Owner = new("owner", "Owner", "US");
    private static readonly DateTime Added = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private readonly JobIntegrationEvents _map = new();

    private static JobTerms Terms(string? automationId = null) => new(
        "Install and rate", ["Mobile App", "Review"], "Install the app", "A screenshot", IsProofFile: true, AutoRate: false, Vcode: "X1",
        TargetWorkers: ["US", "DE"], FewTimes: true, Premium: true, Featured: false, DurationDays: 5, Positions: 40, DailyLimit: 7,
        JobPrice: 0.25m, JobType: automationId is null ? JobRules.Manual : JobRules.DevicesAutomation, PaymentType: "action", AutomationId: automationId);

    [Fact]
    public void Posting_is_heard_as_JobCreated_with_everything_a_downstream_service_needs()
    {
        var schema = new InputSchema([new FieldSchema("count", "number", true, 1, 10)]);
        var automation = new Automation("6f1c2a52-5d0e-4b7f-9a59-2f3c1d7e8a90", "owner", "Rater", schema, null, new InputSchema([]), Added);
        var job = Funded(Job.Post("j1", Owner, Terms(automation.Id), automation, Added), automation);

        var created = _map.TakeFrom(job).Should().ContainSingle().Which.Should().BeOfType<JobCreated>().Subject;

        created.Should().BeEquivalentTo(new
        {
            JobId = "j1", OwnerId = "owner", OwnerCountry = "US", Title = "Install and rate", Categories = new[] { "Mobile App", "Review" },
            JobType = "devices_automation", PaymentType = "action", JobPrice = 0.25m, Positions = 40, DurationDays = 5, DailyLimit = 7,
            TargetWorkers = new[] { "US", "DE" }, FewTimes = true, Premium = true, Featured = false, AutoRate = false, IsProofFile = true,
            Vcode = "X1", Status = "active", Added, ExpiresAt = Added.AddDays(5), AutomationId = automation.Id,
        });
        created.AutomationParametersSchema!.Fields.Should().ContainSingle().Which.Should().Be(new AutomationInputField("count", "number", true, 1, 10));
        created.JobVariablesSchema.Should().BeNull("the automation has no job variables schema");
        created.BucketSchema!.Fields.Should().BeEmpty();
        job.DomainEvents.Should().BeEmpty("the events were handed over once");
    }

    [Fact]
    public void A_manual_job_is_created_without_automation_or_schemas()
    {
        var job = Funded(Job.Post("j1", Owner, Terms(), null, Added));

        var created = (JobCreated)_map.TakeFrom(job).Single();

        created.AutomationId.Should().BeNull();
        created.AutomationParametersSchema.Should().BeNull();
        created.JobVariablesSchema.Should().BeNull();
        created.BucketSchema.Should().BeNull();
    }

    [Fact]
    public void Each_change_is_recorded_once_and_a_change_that_changes_nothing_records_nothing()
    {
        var job = Funded(Job.Post("j1", Owner, Terms(), null, Added));
        _map.TakeFrom(job);

        job.ChangeStatus(JobStatus.Active).Should().BeFalse();
        job.Unshare("nobody").Should().BeFalse();
        job.DomainEvents.Should().BeEmpty();

        job.ChangeStatus(JobStatus.Inactive);
        job.ShareWith("u2", SharePermission.Edit);
        job.Unshare("u2");
        job.EndIfDue(Added.AddDays(6));

        var heard = _map.TakeFrom(job).Select(e => e with { EventId = Guid.Empty, OccurredAt = default }).ToList();

        heard.Should().Equal(
            new JobStatusChanged("j1", "owner", "active", "inactive") { EventId = Guid.Empty, OccurredAt = default },
            new JobShared("j1", "owner", "u2", "edit") { EventId = Guid.Empty, OccurredAt = default },
            new JobShared("j1", "owner", "u2", null) { EventId = Guid.Empty, OccurredAt = default },
            new JobStatusChanged("j1", "owner", "inactive", "expired") { EventId = Guid.Empty, OccurredAt = default });
    }

    [Fact]
    public void A_job_linking_an_automation_must_be_given_that_automation()
    {
        var other = new Automation("0d8b9a1e-3c2f-4e5d-8a7b-6c5d4e3f2a1b", "owner", "Other", null, null, null, Added);
        var terms = Terms("6f1c2a52-5d0e-4b7f-9a59-2f3c1d7e8a90") with { JobType = JobRules.Manual };

        FluentActions.Invoking(() => Job.Post("j1", Owner, terms, null, Added)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Job.Post("j1", Owner, terms, other, Added)).Should().Throw<ArgumentException>();
    }

    /// <summary>Payments held the job's cost (price × positions plus a 10% fee): the job is posted.</summary>
    private static Job Funded(Job job, Automation? automation = null)
    {
        job.MarkFunded(job.Terms.JobPrice * job.Terms.Positions * 1.1m, automation);
        return job;
    }
}
