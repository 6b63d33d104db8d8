using Tasks.Domain.Tasks;
using static Tasks.Domain.Tasks.JobTaskStatus;

namespace Tasks.Tests;

/// <summary>The task lifecycle, move by move: every move the machine allows, and every other one refused.</summary>
public sealed class JobTaskStateMachineTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    private static readonly TaskJob Job = new("j1", "employer", "Create a Google account", 0.25m);
    private static readonly TaskWorker Worker = new("worker", "Wendy", "DE");

    private static JobTask TaskIn(JobTaskStatus status) =>
        JobTask.Restore(new JobTaskRecord("t1", Job, Worker, null, null, status, Now, Now, null, null, [], null, 1));

    public static TheoryData<JobTaskStatus, JobTaskStatus> AllowedReviews => new()
    {
        { Pending, Confirmed }, { Pending, Declined }, { Pending, NotComplete },
        { Processing, Confirmed }, { Processing, Declined }, { Processing, NotComplete }, { Processing, Pending },
        { NotComplete, Declined },
    };

    public static TheoryData<JobTaskStatus, JobTaskStatus> RefusedReviews()
    {
        var allowed = AllowedReviews.Select(row => ((JobTaskStatus)row[0], (JobTaskStatus)row[1])).ToHashSet();
        var refused = new TheoryData<JobTaskStatus, JobTaskStatus>();
        foreach (var from in Enum.GetValues<JobTaskStatus>())
        foreach (var to in Enum.GetValues<JobTaskStatus>())
            if (from != to && !allowed.Contains((from, to)))
                refused.Add(from, to);
        return refused;
    }

    [Fact]
    public void Applying_makes_a_running_task_that_holds_a_position()
    {
        var task = JobTask.Apply("t1", Job, Worker, null, null, Now);

        task.Status.Should().Be(Running);
        task.HoldsPosition.Should().BeTrue();
        task.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<TaskAppliedDomainEvent>();
    }

    [Fact]
    public void A_task_taken_and_handed_in_at_once_is_announced_once_in_the_status_it_starts_in()
    {
        var task = JobTask.ApplySubmitted("t1", Job, Worker with { Ip = "203.0.113.7" }, "done", [], automaticChecks: false, Now);

        task.Status.Should().Be(Pending);
        task.Proof.Should().Be("done");
        task.Worker.Ip.Should().Be("203.0.113.7");
        task.DomainEvents.Should().HaveCount(2);
        task.DomainEvents[0].Should().BeOfType<TaskAppliedDomainEvent>().Which.Status.Should().Be(Pending);
        task.DomainEvents[1].Should().BeOfType<TaskSubmittedDomainEvent>().Which.Status.Should().Be(Pending);

        var checkedTask = JobTask.ApplySubmitted("t2", Job, Worker, "code 42", [], automaticChecks: true, Now);
        checkedTask.CompleteChecks(passed: true, Now);
        checkedTask.DomainEvents.OfType<TaskAppliedDomainEvent>().Single().Status.Should().Be(Processing);
        checkedTask.DomainEvents.OfType<TaskStatusChangedDomainEvent>().Should().ContainSingle()
            .Which.Should().Match<TaskStatusChangedDomainEvent>(e => e.Previous == Processing && e.Current == Confirmed, "the verdict is a move, told as one");
        checkedTask.DomainEvents.OfType<TaskConfirmedDomainEvent>().Should().ContainSingle();
        FluentActions.Invoking(() => JobTask.ApplySubmitted("t3", Job, Worker, new string('x', JobTask.MaxProofLength + 1), [], false, Now))
            .Should().Throw<JobTaskRuleException>();
    }

    [Fact]
    public void An_employer_cannot_apply_to_their_own_job()
    {
        FluentActions.Invoking(() => JobTask.Apply("t1", Job, Worker with { UserId = "employer" }, null, null, Now)).Should().Throw<JobTaskRuleException>();
    }

    [Theory]
    [MemberData(nameof(AllowedReviews))]
    public void The_employer_moves_a_task_along_the_machine(JobTaskStatus from, JobTaskStatus to)
    {
        var task = TaskIn(from);

        task.Review(to, "checked", Now.AddHours(1)).Should().BeTrue();

        task.Status.Should().Be(to);
        task.Updated.Should().Be(Now.AddHours(1));
        task.DomainEvents.OfType<TaskStatusChangedDomainEvent>().Should().ContainSingle().Which.Should().Be(new TaskStatusChangedDomainEvent(task, from, to));
        task.DomainEvents.OfType<TaskConfirmedDomainEvent>().Should().HaveCount(to == Confirmed ? 1 : 0);
    }

    [Theory]
    [MemberData(nameof(RefusedReviews))]
    public void Any_other_move_is_refused_naming_the_current_status(JobTaskStatus from, JobTaskStatus to)
    {
        var task = TaskIn(from);

        FluentActions.Invoking(() => task.Review(to, null, Now)).Should().Throw<JobTaskRuleException>()
            .WithMessage($"The task is {from.ToString().ToLowerInvariant()}*");
        task.Status.Should().Be(from);
        task.DomainEvents.Should().BeEmpty();
    }

    [Theory]
    [InlineData(Running)]
    [InlineData(Processing)]
    [InlineData(Pending)]
    [InlineData(Confirmed)]
    [InlineData(Declined)]
    [InlineData(NotComplete)]
    [InlineData(Failed)]
    public void Setting_the_status_a_task_already_has_changes_nothing_and_records_nothing(JobTaskStatus status)
    {
        var task = TaskIn(status);

        task.Review(status, "again", Now.AddHours(1)).Should().BeFalse();

        task.Updated.Should().Be(Now);
        task.Comment.Should().BeNull();
        task.DomainEvents.Should().BeEmpty();
    }

    [Fact]
    public void Confirming_twice_confirms_once()
    {
        var task = TaskIn(Pending);

        task.Review(Confirmed, null, Now).Should().BeTrue();
        task.Review(Confirmed, null, Now).Should().BeFalse();

        task.DomainEvents.OfType<TaskConfirmedDomainEvent>().Should().ContainSingle();
    }

    [Theory]
    [InlineData(Running, false, Pending)]
    [InlineData(NotComplete, false, Pending)]
    [InlineData(Running, true, Processing)]
    public void Submitting_hands_the_proof_in_for_review_or_checks(JobTaskStatus from, bool checks, JobTaskStatus to)
    {
        var task = TaskIn(from);

        task.Submit("my proof", [], "203.0.113.9", checks, Now);

        task.Status.Should().Be(to);
        task.Proof.Should().Be("my proof");
        task.Worker.Ip.Should().Be("203.0.113.9");
        task.DomainEvents.OfType<TaskSubmittedDomainEvent>().Should().ContainSingle();
    }

    [Theory]
    [InlineData(Pending)]
    [InlineData(Processing)]
    [InlineData(Confirmed)]
    [InlineData(Declined)]
    [InlineData(Failed)]
    public void A_task_that_is_not_running_or_sent_back_cannot_be_submitted(JobTaskStatus status)
    {
        FluentActions.Invoking(() => TaskIn(status).Submit("again", [], null, false, Now)).Should().Throw<JobTaskRuleException>()
            .WithMessage($"The task is {status.ToString().ToLowerInvariant()}; only a running or notcomplete task can be submitted");
    }

    [Theory]
    [InlineData(true, Confirmed)]
    [InlineData(false, Pending)]
    public void Automatic_checks_confirm_the_task_or_leave_it_to_the_employer(bool passed, JobTaskStatus to)
    {
        var task = TaskIn(Processing);

        task.CompleteChecks(passed, Now);

        task.Status.Should().Be(to);
        task.DomainEvents.OfType<TaskConfirmedDomainEvent>().Should().HaveCount(passed ? 1 : 0);
    }

    [Theory]
    [InlineData(Running, true)]
    [InlineData(Processing, true)]
    [InlineData(Pending, false)]
    [InlineData(Confirmed, false)]
    public void Only_a_running_or_processing_task_can_fail(JobTaskStatus status, bool fails)
    {
        var task = TaskIn(status);

        var act = () => task.Fail("device lost", Now);

        if (fails) act.Should().NotThrow();
        else act.Should().Throw<JobTaskRuleException>();
        task.Status.Should().Be(fails ? Failed : status);
    }

    [Theory]
    [InlineData(Running, true, false)]
    [InlineData(Processing, true, false)]
    [InlineData(Pending, true, false)]
    [InlineData(NotComplete, true, false)]
    [InlineData(Confirmed, true, false)]
    [InlineData(Declined, false, true)]
    [InlineData(Failed, false, true)]
    public void Declined_and_failed_tasks_free_their_position_and_alone_may_be_deleted_or_given_out_again(
        JobTaskStatus status, bool holdsPosition, bool failedOrDeclined)
    {
        var task = TaskIn(status);

        task.HoldsPosition.Should().Be(holdsPosition);
        task.HasFailedOrBeenDeclined.Should().Be(failedOrDeclined);
    }
}
