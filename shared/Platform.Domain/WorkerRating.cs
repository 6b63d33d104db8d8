namespace Platform.Domain;

/// <summary>
/// A worker's standing, shared by the services that gate on it (Tasks) and show it (Identity's users/me): how many of
/// their tasks employers reviewed to a verdict (confirmed or declined) and how many of those were confirmed. The
/// rating is the confirmed share in percent, rounded down; 100 before any verdict.
/// </summary>
public sealed record WorkerRating(int Reviewed, int Confirmed)
{
    public static WorkerRating New { get; } = new(0, 0);

    public int Percent => Reviewed <= 0 ? 100 : (int)Math.Clamp(100L * Confirmed / Reviewed, 0, 100);

    /// <summary>Whether a task status (the reference's word) is a verdict that counts towards the rating.</summary>
    public static bool IsVerdict(string? status) => status is "confirmed" or "declined";

    /// <summary>Whether a task's move from <paramref name="previous"/> to <paramref name="status"/> is its verdict (counted once per task).</summary>
    public static bool IsNewVerdict(string? previous, string status) => IsVerdict(status) && !IsVerdict(previous);
}
