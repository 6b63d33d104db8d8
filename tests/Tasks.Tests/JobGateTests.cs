using Tasks.Domain.Jobs;
using Platform.Domain;

namespace Tasks.Tests;

/// <summary>Who may apply to a job: each gate on its own, in the order they are checked.</summary>
public sealed class JobGateTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
    private static readonly PremiumBar Bar = new();

    private static Job JobWith(Func<JobGates, JobGates>? gates = null, JobStatus status = JobStatus.Active) => new()
    {
        Id = "job",
        OwnerId = "owner",
        Title = "t",
        JobType = "manual",
        JobPrice = 0.1m,
        Positions = 3,
        Gates = (gates ?? (g => g))(new JobGates(["worldwide"], false, false, 0, [], [], 0, 0, [])),
        Status = status,
        Added = Now.AddDays(-1),
        ExpiresAt = Now.AddDays(1),
    };

    private static Applicant Worker(string country = "US", int reviewed = 0, int confirmed = 0, string id = "w") =>
        new(id, country, new WorkerRating(reviewed, confirmed));

    [Fact]
    public void An_open_job_takes_anyone_but_its_owner()
    {
        JobWith().RefusalFor(Worker(), Bar, Now).Should().BeNull();
        JobWith().RefusalFor(Worker(id: "owner"), Bar, Now).Should().Be("You can't apply to your own job");
    }

    [Theory]
    [InlineData(JobStatus.Inactive)]
    [InlineData(JobStatus.Completed)]
    [InlineData(JobStatus.Expired)]
    public void A_job_that_is_not_active_takes_nobody(JobStatus status) =>
        JobWith(status: status).RefusalFor(Worker(), Bar, Now).Should().Be("This job is not active");

    [Fact]
    public void A_job_past_its_expiry_takes_nobody() =>
        JobWith().RefusalFor(Worker(), Bar, Now.AddDays(2)).Should().Be("This job is not active");

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(10, 8, "This job needs a worker rating of at least 90; yours is 80")]
    [InlineData(10, 9, null)]
    public void The_minimum_rating_counts_the_share_of_reviewed_tasks_confirmed(int reviewed, int confirmed, string? refusal) =>
        JobWith(g => g with { MinRating = 90 }).RefusalFor(Worker(reviewed: reviewed, confirmed: confirmed), Bar, Now).Should().Be(refusal);

    [Theory]
    [InlineData(10, 10, true)]
    [InlineData(9, 9, false)]
    [InlineData(20, 17, false)]
    public void A_premium_job_takes_rated_workers_with_ten_confirmed_tasks(int reviewed, int confirmed, bool admitted) =>
        (JobWith(g => g with { Premium = true }).RefusalFor(Worker(reviewed: reviewed, confirmed: confirmed), Bar, Now) is null).Should().Be(admitted);

    [Fact]
    public void The_country_gate_reads_the_workers_country()
    {
        var job = JobWith(g => g with { TargetWorkers = ["DE"] });
        job.RefusalFor(Worker("de"), Bar, Now).Should().BeNull();
        job.RefusalFor(Worker("FR"), Bar, Now).Should().Be("This job is not available in your country (FR)");
    }

    [Fact]
    public void The_limits_per_worker_and_per_day_follow_few_times_task_limit_and_daily_limit()
    {
        JobWith().TasksPerWorker.Should().Be(1);
        JobWith(g => g with { FewTimes = true }).TasksPerWorker.Should().BeNull();
        JobWith(g => g with { FewTimes = true, TaskLimit = 4 }).TasksPerWorker.Should().Be(4);
        JobWith(g => g with { TaskLimit = 4 }).TasksPerWorker.Should().Be(1, "without few_times a worker applies once");
        JobWith().TasksPerDay.Should().BeNull();
        JobWith(g => g with { DailyLimit = 5 }).TasksPerDay.Should().Be(5);
    }

    [Theory]
    [InlineData(0, 0, 100)]
    [InlineData(3, 2, 66)]
    [InlineData(4, 0, 0)]
    public void A_rating_is_the_confirmed_share_rounded_down_and_100_before_any_review(int reviewed, int confirmed, int percent) =>
        new WorkerRating(reviewed, confirmed).Percent.Should().Be(percent);
}
