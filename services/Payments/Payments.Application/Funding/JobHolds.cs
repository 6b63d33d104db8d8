using Payments.Application.Ports;
using Payments.Domain.Funding;
using Payments.Domain.Ledger;
using Platform.Application.Concurrency;

namespace Payments.Application.Funding;

/// <summary>What settling a job's hold came to.</summary>
public enum HoldOutcome
{
    /// <summary>The hold is what the job's state asks for, and the state is saved.</summary>
    Settled,
    /// <summary>The job has no funding here.</summary>
    Unknown,
    /// <summary>The hold had to grow and the employer's available balance did not cover it: nothing was saved.</summary>
    Insufficient,
}

/// <summary>
/// Keeps each job's hold equal to what its funding asks for (<see cref="JobFunding.HoldWanted"/>). Every change to a
/// job's funding goes through <see cref="SettleAsync"/>: read the funding, apply the change, move the difference between
/// the hold and what is wanted (one posting, keyed by the funding's version), save the funding at that version. Two
/// settles racing on one job post under the same key at most once; the one whose save loses reads again and moves what
/// is still missing, so the last one to save leaves the hold exact. A crash between the posting and the save is put
/// right by the job's next settle, since each one moves the difference from the ledger's actual balance.
/// </summary>
public sealed class JobHolds(IJobFundings fundings, ITaskPositions positions, ILedger ledger, TimeProvider clock)
{
    private const int MaxAttempts = 100;

    /// <summary>A job's money moves one at a time in this process (fewer retries; correctness doesn't depend on it).</summary>
    private readonly KeyedLock _jobs = new();

    /// <summary>Holds the job's lock in this process: for moving money out of its hold outside <see cref="SettleAsync"/>.</summary>
    public Task<IDisposable> LockAsync(string jobId, CancellationToken cancellationToken) => _jobs.AcquireAsync(jobId, cancellationToken);

    /// <summary>
    /// A task took a position of its job (in flight) or gave it up (freed). An open job's hold doesn't depend on either;
    /// a closed job's keeps a unit per task in flight, so it is settled again: a freed task's unit goes back to the employer.
    /// </summary>
    public async Task RecordTaskPositionAsync(string taskId, string jobId, TaskPosition position, CancellationToken cancellationToken)
    {
        await positions.RecordAsync(taskId, jobId, position, cancellationToken);
        if (await fundings.GetAsync(jobId, cancellationToken) is { IsOpen: false, IsCancelled: false })
            await SettleAsync(jobId, null, strict: false, cancellationToken);
    }

    /// <param name="change">Applied to the funding as read; returns false when it changes nothing (the hold is still checked).</param>
    /// <param name="strict">When the hold must grow and can't, report it and save nothing (a reopened job); otherwise hold what it can.</param>
    public async Task<HoldOutcome> SettleAsync(string jobId, Func<JobFunding, bool>? change, bool strict, CancellationToken cancellationToken)
    {
        using var exclusive = await LockAsync(jobId, cancellationToken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var funding = await fundings.GetAsync(jobId, cancellationToken);
            if (funding is null) return HoldOutcome.Unknown;
            change?.Invoke(funding);

            var held = await ledger.BalanceAsync(HeldAccount(funding), cancellationToken);
            var (confirmed, inFlight) = await positions.CountAsync(jobId, cancellationToken);
            var difference = funding.HoldWanted(confirmed, inFlight) - held;
            if (difference != 0)
            {
                var key = $"job:{jobId}:adjust:{funding.Version}";
                var moved = difference > 0
                    ? Posting.Create(key, Accounts.Available(funding.EmployerId), HeldAccount(funding), difference, "job-hold", Now)
                    : Posting.Create(key, HeldAccount(funding), Accounts.Available(funding.EmployerId), -difference, "job-release", Now);
                if (await ledger.PostAsync(moved, cancellationToken) == PostingOutcome.Insufficient && strict) return HoldOutcome.Insufficient;
            }
            if (await fundings.TrySaveAsync(funding, cancellationToken)) return HoldOutcome.Settled;
        }
        throw new InvalidOperationException($"Job {jobId}'s funding kept changing under {MaxAttempts} settles in a row; giving up.");
    }

    public static string HeldAccount(JobFunding funding) => Accounts.Held(funding.EmployerId, funding.JobId);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
