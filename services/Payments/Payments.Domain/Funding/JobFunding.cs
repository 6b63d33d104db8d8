using Payments.Domain.Ledger;

namespace Payments.Domain.Funding;

/// <summary>
/// What a posted job holds of its employer's money. Each position costs one <see cref="Unit"/>: the worker's pay
/// (<see cref="JobPrice"/>) plus the platform's fee on it (<see cref="FeePerTask"/>), so the employer is charged
/// <see cref="Charged"/> = positions × unit when the job is posted. A confirmed task takes its unit out of the hold
/// (the pay to the worker, the fee to revenue). While the job is open, the hold keeps a unit for every position not
/// yet paid; once it is closed (deactivated, completed, expired) it keeps a unit only for each task still in flight
/// (running or in review), which may yet be confirmed, and the rest goes back to the employer. A declined or failed
/// task frees its position, and its unit stays in (or, on a closed job, goes back from) the hold.
/// </summary>
public sealed class JobFunding
{
    /// <summary>Fees and bonuses are kept to this many decimals (a job price has at most 4).</summary>
    public const int Decimals = 4;

    private JobFunding(string jobId, string employerId, decimal jobPrice, decimal feePerTask, int positions, bool isOpen, bool isCancelled, long statusTicks, long version,
        string? pendingReopen = null)
    {
        PendingReopen = pendingReopen;
        JobId = jobId;
        EmployerId = employerId;
        JobPrice = jobPrice;
        FeePerTask = feePerTask;
        Positions = positions;
        IsOpen = isOpen;
        IsCancelled = isCancelled;
        StatusTicks = statusTicks;
        Version = version;
    }

    public string JobId { get; }
    public string EmployerId { get; }
    /// <summary>What one task pays its worker.</summary>
    public decimal JobPrice { get; }
    /// <summary>The platform's fee per position.</summary>
    public decimal FeePerTask { get; }
    public int Positions { get; }
    /// <summary>Open while the job is active: it takes new tasks.</summary>
    public bool IsOpen { get; private set; }
    /// <summary>The job was never created (its funding was abandoned): nothing is held, and it can't be funded again.</summary>
    public bool IsCancelled { get; private set; }
    /// <summary>When the job's status last changed here (UTC ticks): an older status event changes nothing.</summary>
    public long StatusTicks { get; private set; }
    /// <summary>The switch back on Jobs asked for last, until the job's own status event: Jobs may still give it up.</summary>
    public string? PendingReopen { get; private set; }
    public long Version { get; private set; }

    public decimal Unit => JobPrice + FeePerTask;
    public decimal Charged => Unit * Positions;

    public static decimal FeeFor(decimal jobPrice, decimal feePercent) =>
        decimal.Round(jobPrice * feePercent / 100m, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>The referral bonus on a task that paid <paramref name="pay"/>.</summary>
    public static decimal ReferralBonusFor(decimal pay, decimal bonusPercent) =>
        decimal.Round(pay * bonusPercent / 100m, Decimals, MidpointRounding.AwayFromZero);

    public static JobFunding Open(string jobId, string employerId, decimal jobPrice, int positions, decimal feePercent, DateTime now)
    {
        if (positions < 1) throw new LedgerRuleException("A job has at least one position");
        if (jobPrice <= 0) throw new LedgerRuleException("A job pays more than 0 per task");
        if (feePercent < 0) throw new LedgerRuleException("The platform fee is not negative");
        return new JobFunding(jobId, employerId, jobPrice, FeeFor(jobPrice, feePercent), positions, isOpen: true, isCancelled: false, now.Ticks, 0);
    }

    /// <summary>The tombstone of a job whose funding was abandoned before it was ever opened here.</summary>
    public static JobFunding Abandoned(string jobId, string employerId, DateTime now) =>
        new(jobId, employerId, 0, 0, 0, isOpen: false, isCancelled: true, now.Ticks, 0);

    public static JobFunding Restore(string jobId, string employerId, decimal jobPrice, decimal feePerTask, int positions, bool isOpen, bool isCancelled, long statusTicks, long version,
        string? pendingReopen = null) =>
        new(jobId, employerId, jobPrice, feePerTask, positions, isOpen, isCancelled, statusTicks, version, pendingReopen);

    /// <summary>
    /// What the hold should be given how many of the job's tasks were <paramref name="confirmed"/> (paid) and how many
    /// are still <paramref name="inFlight"/>.
    /// </summary>
    public decimal HoldWanted(int confirmed, int inFlight)
    {
        if (IsCancelled) return 0;
        var unpaid = Math.Max(0, Positions - confirmed);
        return Unit * (IsOpen ? unpaid : Math.Min(unpaid, Math.Max(0, inFlight)));
    }

    /// <summary>
    /// The job is open (active) or closed (inactive or ended) as of <paramref name="at"/>; false when an event at least
    /// as new was applied already, or the funding was cancelled.
    /// </summary>
    public bool SetOpen(bool open, DateTime at)
    {
        if (IsCancelled || at.Ticks <= StatusTicks) return false;
        StatusTicks = at.Ticks;
        // The job's own word settles any switch back on still pending.
        PendingReopen = null;
        if (IsOpen == open) return false;
        IsOpen = open;
        return true;
    }

    /// <summary>
    /// Jobs switches the job back on under <paramref name="reopenId"/>: open from <paramref name="at"/>, until the job's
    /// status event confirms it or Jobs gives it up (<see cref="CancelReopen"/>). False when nothing opened.
    /// </summary>
    public bool Reopen(string reopenId, DateTime at)
    {
        if (IsCancelled) return false;
        StatusTicks = Math.Max(StatusTicks, at.Ticks);
        PendingReopen = reopenId;
        if (IsOpen) return false;
        IsOpen = true;
        return true;
    }

    /// <summary>Jobs gave up the switch back on of <paramref name="reopenId"/>: closed again if that switch is still the pending one.</summary>
    public bool CancelReopen(string reopenId, DateTime at)
    {
        if (IsCancelled || PendingReopen != reopenId) return false;
        PendingReopen = null;
        StatusTicks = Math.Max(StatusTicks, at.Ticks);
        if (!IsOpen) return false;
        IsOpen = false;
        return true;
    }

    /// <summary>The job will never exist: its hold goes back in full.</summary>
    public void Cancel(DateTime at)
    {
        IsCancelled = true;
        IsOpen = false;
        StatusTicks = Math.Max(StatusTicks, at.Ticks);
    }

    public void MarkStored(long version) => Version = version;
}
