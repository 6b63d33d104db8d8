using Tasks.Application.Ports;
using Tasks.Domain.Jobs;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Notifications;

/// <summary>
/// The reference's task and job completion emails, to the job's owner: a worker completed (submitted) a task of their
/// job, and their job completed. An owner whose address Tasks hasn't heard of gets none.
/// </summary>
public sealed class TaskEmails(IWorkerDirectory users, INotifier notifier)
{
    public async Task TaskCompletedAsync(Job job, JobTask task, CancellationToken cancellationToken)
    {
        if (await EmailOfAsync(job.OwnerId, cancellationToken) is not { } to) return;
        var worker = task.Worker.Name ?? task.WorkerId;
        var state = task.Status == JobTaskStatus.Confirmed ? "It was confirmed automatically (its proof has your code)." : "It waits for your review.";
        notifier.Enqueue(new Notification(to, $"Task completed: {job.Title}",
            $"{worker} completed a task of your job \"{job.Title}\" (task {task.Id}). {state}\n\nReview it in the job's applicants list."));
    }

    public async Task JobCompletedAsync(Job job, CancellationToken cancellationToken)
    {
        if (await EmailOfAsync(job.OwnerId, cancellationToken) is not { } to) return;
        notifier.Enqueue(new Notification(to, $"Job completed: {job.Title}",
            $"Your job \"{job.Title}\" ({job.Id}) is complete: all {job.Positions} positions are confirmed."));
    }

    private async Task<string?> EmailOfAsync(string userId, CancellationToken cancellationToken) =>
        (await users.GetAsync(userId, cancellationToken)).Email is { Length: > 0 } email ? email : null;
}
