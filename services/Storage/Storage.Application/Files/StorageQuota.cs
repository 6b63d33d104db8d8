namespace Storage.Application.Files;

/// <summary>
/// What each user may keep in Storage (configuration section "Storage:Quota"): temporary uploads at a time (they expire
/// 15 minutes after they arrive) and kept files (proof files and data-dump files, which live as long as their tasks),
/// each in files and in bytes. A file past either is refused and nothing of it is kept.
/// </summary>
public sealed class StorageQuota
{
    public const string Section = "Storage:Quota";

    public long TempFiles { get; set; } = 20;
    public long TempBytes { get; set; } = 500L * 1024 * 1024;
    public long ProofFiles { get; set; } = 10_000;
    public long ProofBytes { get; set; } = 10L * 1024 * 1024 * 1024;
}
