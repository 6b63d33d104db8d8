using Platform.Contracts.Jobs;
using Platform.Testing;

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
