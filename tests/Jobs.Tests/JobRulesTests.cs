using Jobs.Application.Jobs;
using Jobs.Domain.Automations;
using Jobs.Domain.Jobs;
using Platform.Application;

namespace Jobs.Tests;

public sealed class JobRulesTests
{
    private static readonly JobOwner Owner = new("owner", "Owner", "US");

    private static JobTerms Terms(Func<JobTerms, JobTerms>? change = null)
    {
        var terms = new JobTerms("Title", ["Google"], "Description", "Proof", false, false, null, ["worldwide"], false, false, false,
            DurationDays: 3, Positions: 3, DailyLimit: 0, JobPrice: 0.06m, JobType: "manual", PaymentType: "action", AutomationId: null);
        return change is null ? terms : change(terms);
    }

    [Fact]
    public void A_job_waits_unseen_for_its_funding_then_is_active_with_zero_counters_and_costs_what_was_charged()
    {
        var job = Job.Post("j1", Owner, Terms(), null, DateTime.UtcNow);
        job.Status.Should().Be(JobStatus.Funding);
        job.IsPosted.Should().BeFalse();
        job.DomainEvents.Should().BeEmpty("nobody hears of a job before it is funded");
        job.TotalPrice.Should().Be(0.18m, "before it is funded the job's cost is its price times its positions");

        job.MarkFunded(0.198m, null);

        job.Status.Should().Be(JobStatus.Active);
        job.IsPosted.Should().BeTrue();
        job.Counters.Should().Be(JobCounters.Zero);
        job.TotalPrice.Should().Be(0.198m);
        FluentActions.Invoking(() => job.MarkFunded(0.198m, null)).Should().Throw<JobRuleException>("a job is funded once");
    }

    [Fact]
    public void A_job_whose_funding_is_abandoned_is_never_posted_and_says_so()
    {
        var job = Job.Post("j1", Owner, Terms(), null, DateTime.UtcNow);

        job.AbandonFunding();

        job.Status.Should().Be(JobStatus.Abandoned);
        job.IsPosted.Should().BeFalse();
        job.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<JobFundingAbandonedDomainEvent>();
        FluentActions.Invoking(() => job.MarkFunded(0.198m, null)).Should().Throw<JobRuleException>();
        FluentActions.Invoking(() => job.ChangeStatus(JobStatus.Active)).Should().Throw<JobRuleException>();
        job.EndIfDue(DateTime.UtcNow.AddDays(10)).Should().BeFalse("a job never posted never ends");
    }

    [Theory]
    [InlineData(0, 3, 0.06, "positions must be at least 1")]
    [InlineData(3, 0, 0.06, "duration must be at least 1 day")]
    [InlineData(3, 3, 0, "job_price must be greater than 0")]
    public void Posting_refuses_a_job_that_breaks_a_rule(int positions, int duration, double price, string rule)
    {
        var act = () => Job.Post("j1", Owner, Terms(t => t with { Positions = positions, DurationDays = duration, JobPrice = (decimal)price }), null, DateTime.UtcNow);

        act.Should().Throw<JobRuleException>().WithMessage(rule);
    }

    [Fact]
    public void A_devices_automation_job_needs_an_automation()
    {
        var act = () => Job.Post("j1", Owner, Terms(t => t with { JobType = "devices_automation" }), null, DateTime.UtcNow);

        act.Should().Throw<JobRuleException>();
    }

    [Fact]
    public void Shares_decide_who_may_view_and_who_may_edit()
    {
        var job = Funded(Job.Post("j1", Owner, Terms(), null, DateTime.UtcNow));
        job.ShareWith("viewer", SharePermission.View);
        job.ShareWith("editor", SharePermission.Edit);
        job.ChangeStatus(JobStatus.Inactive);

        job.CanEdit("owner").Should().BeTrue();
        job.CanEdit("editor").Should().BeTrue();
        job.CanEdit("viewer").Should().BeFalse();
        job.IsVisibleTo("viewer").Should().BeTrue();
        job.IsVisibleTo("stranger").Should().BeFalse("an inactive job is private");
        job.ChangeStatus(JobStatus.Active);
        job.IsVisibleTo("stranger").Should().BeTrue("an active job is public");
        job.CanEdit("stranger").Should().BeFalse();
    }

    [Fact]
    public void Sharing_again_replaces_the_permission_and_the_owner_cannot_be_a_share()
    {
        var job = Funded(Job.Post("j1", Owner, Terms(), null, DateTime.UtcNow));
        job.ShareWith("u", SharePermission.View);
        job.ShareWith("u", SharePermission.Edit);

        job.Shares.Should().ContainSingle().Which.Permission.Should().Be(SharePermission.Edit);
        job.Invoking(j => j.ShareWith("owner", SharePermission.View)).Should().Throw<JobRuleException>();
        job.Unshare("u").Should().BeTrue();
        job.Unshare("u").Should().BeFalse();
    }

    [Fact]
    public void Setting_the_same_status_again_changes_nothing()
    {
        var job = Funded(Job.Post("j1", Owner, Terms(), null, DateTime.UtcNow));

        job.ChangeStatus(JobStatus.Active).Should().BeFalse();
        job.ChangeStatus(JobStatus.Inactive).Should().BeTrue();
    }

    [Theory]
    [InlineData(0.06, true)]
    [InlineData(0.0001, true)]
    [InlineData(0.00001, false)]
    [InlineData(12.34567, false)]
    public void Prices_have_at_most_four_decimals(double price, bool allowed)
    {
        JobRules.HasAtMostDecimals((decimal)price, 4).Should().Be(allowed);
    }

    [Fact]
    public void Categories_match_case_insensitively_and_keep_the_documented_spelling()
    {
        JobRules.CanonicalCategory("youtube").Should().Be("YouTube");
        JobRules.CanonicalCategory("Astrology").Should().BeNull();
    }

    [Fact]
    public void The_create_validator_lists_every_broken_rule()
    {
        var command = new CreateJob(new Caller("u", null, null), Terms(t => t with { Title = "", Positions = 0, JobPrice = 0.123456m, TargetWorkers = ["XX"] }));

        var result = new CreateJobValidator().Validate(command);

        result.Errors.Select(e => e.ErrorMessage).Should().Contain(["title is required", "positions must be from 1 to 1000000", "job_price must have at most 4 decimals"])
            .And.Contain(e => e.Contains("'XX'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_schema_reports_bad_types_bounds_and_duplicate_names()
    {
        var schema = new InputSchema([
            new FieldSchema("a", "date", false, null, null),
            new FieldSchema("b", "number", true, 5, 1),
            new FieldSchema("b", "string", false, null, null),
            new FieldSchema("", "string", false, null, null)]);

        schema.Problems("s").Should().BeEquivalentTo(
            "s.fields[0].type must be one of: string, number, boolean, object, array",
            "s.fields[1].min must not be greater than max",
            "s.fields[3].name is required",
            "s has more than one field named 'b'");
        new InputSchema([new FieldSchema("ok", "object", true, null, null)]).Problems("s").Should().BeEmpty();
    }

    [Fact]
    public void A_job_past_its_duration_ends_expired_unless_every_position_is_done()
    {
        var added = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        var open = Funded(Job.Post("j1", Owner, Terms(), null, added));
        var done = Job.Restore("j2", Owner, Terms(), JobStatus.Inactive, added, JobCounters.Zero with { TasksConfirmed = 3 }, [], 1);

        open.EndIfDue(added.AddDays(3).AddSeconds(-1)).Should().BeFalse("three days have not passed");
        open.EndIfDue(added.AddDays(3)).Should().BeTrue();
        done.EndIfDue(added.AddDays(3)).Should().BeTrue();

        open.Status.Should().Be(JobStatus.Expired);
        done.Status.Should().Be(JobStatus.Completed);
        open.EndIfDue(added.AddDays(4)).Should().BeFalse("an ended job ends once");
    }

    [Theory]
    [InlineData(JobStatus.Active)]
    [InlineData(JobStatus.Inactive)]
    public void An_ended_job_cannot_be_switched_back_on_or_off(JobStatus wanted)
    {
        var job = Funded(Job.Post("j1", Owner, Terms(), null, DateTime.UtcNow.AddDays(-10)));
        job.EndIfDue(DateTime.UtcNow);

        var act = () => job.ChangeStatus(wanted);

        act.Should().Throw<JobRuleException>().WithMessage("The job is expired; its status can no longer change");
    }

    /// <summary>Payments held the job's cost (price × positions plus a 10% fee): the job is posted.</summary>
    private static Job Funded(Job job, Automation? automation = null)
    {
        job.MarkFunded(job.Terms.JobPrice * job.Terms.Positions * 1.1m, automation);
        return job;
    }
}
