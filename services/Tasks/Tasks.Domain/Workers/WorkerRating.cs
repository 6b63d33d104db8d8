namespace Tasks.Domain.Workers;

/// <summary>
/// A worker's standing: how many of their tasks employers reviewed to an end (confirmed or declined) and how many of
/// those were confirmed. The rating is the confirmed share in percent, rounded down; 100 before any review.
/// </summary>
public sealed record WorkerRating(int Reviewed, int Confirmed)
{
    public static WorkerRating New { get; } = new(0, 0);

    public int Percent => Reviewed <= 0 ? 100 : (int)Math.Clamp(100L * Confirmed / Reviewed, 0, 100);
}
