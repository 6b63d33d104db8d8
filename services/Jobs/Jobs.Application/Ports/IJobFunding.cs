namespace Jobs.Application.Ports;

/// <summary>What Payments answered about a job's funding.</summary>
public enum FundingStatus
{
    /// <summary>The money is held.</summary>
    Funded,
    /// <summary>The employer's available balance does not cover it: nothing is held.</summary>
    Refused,
    /// <summary>No answer could be had (Payments down, a timeout): the money may or may not be held.</summary>
    Unknown,
}

/// <param name="Charged">What the job costs its employer, when funded.</param>
/// <param name="Reason">Why it was refused, in Payments' words.</param>
public sealed record FundingAnswer(FundingStatus Status, decimal Charged = 0, string? Reason = null);

/// <summary>
/// Payments, asked synchronously (service discovery) with the caller's token: a job is funded before it is posted, and
/// its unpaid positions again before an inactive job is switched back on (under the reopening's id, which a
/// JobReopenAbandoned event gives back should the switch not be saved). Both are safe to ask again.
/// </summary>
public interface IJobFunding
{
    Task<FundingAnswer> FundAsync(string jobId, int positions, decimal jobPrice, CancellationToken cancellationToken);

    Task<FundingAnswer> ReopenAsync(string jobId, string reopenId, CancellationToken cancellationToken);
}
