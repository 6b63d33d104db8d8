using System.Collections.Concurrent;
using Tasks.Domain.Jobs;

namespace Tasks.Application.Notifications;

/// <summary>How often a job's owner hears of its completed tasks: the first at once, the rest at most once per window.</summary>
public sealed record TaskEmailOptions(TimeSpan DigestWindow)
{
    public static readonly TimeSpan DefaultDigestWindow = TimeSpan.FromSeconds(60);

    public TaskEmailOptions() : this(DefaultDigestWindow)
    {
    }
}

/// <summary>
/// Which jobs' task-completed emails are being held back, per process. A job's first completed task opens a window in
/// which further ones are only counted; when the window ends, what was counted goes out as one email and a new window
/// opens; a window that ends with nothing counted is closed, so the next task is mailed at once again. A busy job thus
/// sends its owner one email per window instead of one per task (hundreds a minute would bury their inbox).
/// </summary>
public sealed class TaskCompletionDigest(TaskEmailOptions options)
{
    private readonly ConcurrentDictionary<string, JobWindow> _windows = new(StringComparer.Ordinal);

    /// <summary>A job's open window: the job as last heard, and the tasks counted since the last email.</summary>
    private sealed class JobWindow(Job job, DateTime ends)
    {
        public Job Job { get; set; } = job;
        public DateTime Ends { get; set; } = ends;
        public int Held { get; set; }
        public bool Closed { get; set; }
    }

    /// <summary>A task of <paramref name="job"/> was completed at <paramref name="now"/>: true when it should be mailed now.</summary>
    public bool MailNow(Job job, DateTime now)
    {
        while (true)
        {
            if (!_windows.TryGetValue(job.Id, out var window))
            {
                if (_windows.TryAdd(job.Id, new JobWindow(job, now + options.DigestWindow))) return true;
                continue;
            }
            lock (window)
            {
                // A window closed while this task looked it up is gone from the map: look again.
                if (window.Closed) continue;
                window.Job = job;
                window.Held++;
                return false;
            }
        }
    }

    /// <summary>The jobs whose window has ended with tasks counted, and how many; their next window opens now.</summary>
    public IReadOnlyList<(Job Job, int Count)> TakeDue(DateTime now)
    {
        var due = new List<(Job, int)>();
        foreach (var (jobId, window) in _windows)
        {
            lock (window)
            {
                if (now < window.Ends) continue;
                if (window.Held == 0)
                {
                    window.Closed = true;
                    _windows.TryRemove(new KeyValuePair<string, JobWindow>(jobId, window));
                    continue;
                }
                due.Add((window.Job, window.Held));
                window.Held = 0;
                window.Ends = now + options.DigestWindow;
            }
        }
        return due;
    }
}
