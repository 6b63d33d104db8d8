namespace Identity.Application.Users;

/// <summary>
/// What Identity takes of a crowd (configuration section "Identity:Limits"). Per client address (see Platform.Api's
/// ClientAddress): sign-ups and token requests per minute. For everyone at once: how many passwords are hashed at a
/// time (Argon2id holds 19 MiB each while it runs, so this bounds the memory sign-ups can take) and how many sign-ups
/// may wait for a turn; a sign-up past that is refused (429) rather than queued without end.
/// </summary>
public sealed class IdentityLimits
{
    public const string Section = "Identity:Limits";

    public int SignUpsPerMinute { get; set; } = 20;
    public int TokenRequestsPerMinute { get; set; } = 300;
    public int ConcurrentPasswordHashes { get; set; } = Math.Max(1, Environment.ProcessorCount);
    public int QueuedPasswordHashes { get; set; } = 32;
}
