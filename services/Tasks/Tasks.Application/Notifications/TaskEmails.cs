using Platform.Application.Notifications;
using Tasks.Application.Ports;
using Tasks.Domain.Jobs;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Notifications;

/// <summary>
/// The reference's task and job completion emails, to the job's owner: a worker completed (submitted) a task of their
/// job, and their job completed. A job's first completed task is mailed at once; the tasks completed after it are
/// told in one email per window (see <see cref="TaskCompletionDigest"/>). An owner whose address Tasks hasn't heard of gets none.
/// </summary>
public sealed class TaskEmails(IWorkerDirectory users, INotifier notifier, TaskCompletionDigest digest, TimeProvider clock)
{
    public async Task TaskCompletedAsync(Job job, JobTask task, CancellationToken cancellationToken)
    {
        if (!digest.MailNow(job, clock.GetUtcNow().UtcDateTime)) return;
        if (await EmailOfAsync(job.OwnerId, cancellationToken) is not { } to) return;
        var worker = task.Worker.Name ?? task.WorkerId;
        var state = task.Status == JobTaskStatus.Confirmed ? "It was confirmed automatically (its proof has your code)." : "It waits for your review.";
        notifier.Enqueue(new Notification(to, TaskCompletedSubject(job),
            $"{worker} completed a task of your job \"{job.Title}\" (task {task.Id}). {state}\n\nReview it in the job's applicants list."));
    }

    /// <summary>Mails the tasks counted in each job's ended window, one email per job.</summary>
    public async Task SendDueDigestsAsync(CancellationToken cancellationToken)
    {
        foreach (var (job, count) in digest.TakeDue(clock.GetUtcNow().UtcDateTime))
        {
            if (await EmailOfAsync(job.OwnerId, cancellationToken) is not { } to) continue;
            var tasks = count == 1 ? "1 more task" : $"{count} more tasks";
            notifier.Enqueue(new Notification(to, TaskCompletedSubject(job),
                $"Workers completed {tasks} of your job \"{job.Title}\" ({job.Id}) since the last email.\n\nReview them in the job's applicants list."));
        }
    }

    public async Task JobCompletedAsync(Job job, CancellationToken cancellationToken)
    {
        if (await EmailOfAsync(job.OwnerId, cancellationToken) is not { } to) return;
        notifier.Enqueue(new Notification(to, $"Job completed: {job.Title}",
            $"Your job \"{job.Title}\" ({job.Id}) is complete: all {job.Positions} positions are confirmed."));
    }

    private static string TaskCompletedSubject(Job job) => $"Task completed: {job.Title}";

    private async Task<string?> EmailOfAsync(string userId, CancellationToken cancellationToken) =>
        (await users.GetAsync(userId, cancellationToken)).Email is { Length: > 0 } email ? email : null;
}
