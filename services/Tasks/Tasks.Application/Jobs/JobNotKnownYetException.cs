namespace Tasks.Application.Jobs;

/// <summary>
/// An event about a job came before the job's JobCreated: thrown (not refused) so that the bus retries it after a
/// pause, by when the job has arrived.
/// </summary>
public sealed class JobNotKnownYetException(string jobId) : Exception($"Job {jobId} is not known yet; the event is retried.");
