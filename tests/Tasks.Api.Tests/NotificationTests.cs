using Platform.Application.Notifications;
using Platform.Contracts.Jobs;
using Platform.Testing;
using Tasks.Application.Ports;

namespace Tasks.Api.Tests;

/// <summary>The task and job completion emails go to the job's owner.</summary>
public sealed class NotificationTests(TasksApi api) : IClassFixture<TasksApi>
{
    [Fact]
    public async Task A_submission_emails_the_owner_that_a_task_was_completed()
    {
        var owner = TasksApi.NewId();
        await api.KnowUserAsync(owner, "Olga Owner", "US");
        var worker = TasksApi.NewId();
        await api.KnowUserAsync(worker, "Wim Worker", "US");
        var job = await api.PostJobAsync(owner, j => j with { Title = "Test the signup page" });

        var task = await TasksApi.SubmitAsync(api.ClientFor(worker), job);

        var mail = api.Mails.Should().ContainSingle(m => m.To == $"{owner}@example.com").Which;
        mail.Subject.Should().Be("Task completed: Test the signup page");
        mail.Body.Should().Contain("Wim Worker").And.Contain(task).And.Contain("waits for your review");
    }

    [Fact]
    public async Task Tasks_completed_after_the_first_are_told_in_one_email_per_window()
    {
        var owner = TasksApi.NewId();
        await api.KnowUserAsync(owner, "Olga Owner", "US");
        var job = await api.PostJobAsync(owner, j => j with { Title = "Busy job", Positions = 10 });
        var subject = "Task completed: Busy job";

        var first = await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job)));

        IEnumerable<Notification> Mails() => api.Mails.Where(m => m.Subject == subject);
        Mails().First().Body.Should().Contain(first, "the first task is mailed at once");
        // The other four were held and told as counts, in one email per window that had any (one, or two if the window
        // ended while they were being submitted).
        await Eventually.HoldsAsync(() => Mails().Skip(1).Sum(CountOf) == 4, "the held tasks were mailed");
        Mails().Count().Should().BeInRange(2, 3);
        Mails().Skip(1).Should().AllSatisfy(m => m.Body.Should().Contain(job).And.NotContain(first));

        // Once a window ends with nothing held, the next task is mailed at once again.
        await Task.Delay(TimeSpan.FromSeconds(TasksApi.DigestSeconds * 3));
        var later = await TasksApi.SubmitAsync(api.ClientFor(TasksApi.NewId()), job);
        Mails().Last().Body.Should().Contain(later);

        static int CountOf(Notification mail) =>
            int.Parse(System.Text.RegularExpressions.Regex.Match(mail.Body, @"completed (\d+) more task").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_completed_job_emails_its_owner_once()
    {
        var owner = TasksApi.NewId();
        await api.KnowUserAsync(owner, "Olga Owner", "US");
        var job = await api.PostJobAsync(owner, j => j with { Title = "Finish me" });

        await api.PublishJobEventAsync(new JobStatusChanged(job, owner, "active", "completed"), job, j => j.Status == Domain.Jobs.JobStatus.Completed);

        await Eventually.HoldsAsync(() => api.Mails.Any(m => m.Subject == "Job completed: Finish me"), "the owner was told");
        api.Mails.Where(m => m.Subject == "Job completed: Finish me").Should().ContainSingle().Which.To.Should().Be($"{owner}@example.com");
    }
}
