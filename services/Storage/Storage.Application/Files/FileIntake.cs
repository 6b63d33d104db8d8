using System.Security.Cryptography;
using Platform.Application.Results;
using Storage.Application.Ports;
using Storage.Domain.Files;

namespace Storage.Application.Files;

/// <summary>
/// How a file comes in, whatever it is for: streamed to the file store under a newly issued name (at most 50 MB, else
/// nothing is kept), counted against its owner's quota (past it, the bytes go and the file is refused), then its metadata
/// stored; if that fails, the bytes go and the room is given back.
/// </summary>
internal sealed class FileIntake(IFileContents contents, IStoredFileRepository files, IStorageUsage usage, StorageQuota quota, TimeProvider clock)
{
    public async Task<Result<StoredFile>> StoreAsync(string ownerId, FileKind kind, string? originalName, Stream content,
        Func<string, long, DateTime, StoredFile> describe, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var name = FileNames.New(originalName, now, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        var size = await contents.SaveAsync(name, content, StoredFile.MaxBytes, cancellationToken);
        if (size is not { } bytes) return Error.TooLarge(UploadTempFileHandler.TooLargeMessage);

        var (maxFiles, maxBytes) = kind == FileKind.Proof ? (quota.ProofFiles, quota.ProofBytes) : (quota.TempFiles, quota.TempBytes);
        if (!await usage.TryTakeAsync(ownerId, kind, bytes, maxFiles, maxBytes, cancellationToken))
        {
            await contents.DeleteAsync(name, CancellationToken.None);
            return await RefusalAsync(ownerId, kind, now, cancellationToken);
        }
        var file = describe(name, bytes, now);
        try
        {
            await files.AddAsync(file, cancellationToken);
        }
        catch
        {
            await contents.DeleteAsync(name, CancellationToken.None);
            await usage.ReturnAsync(ownerId, kind, bytes, CancellationToken.None);
            throw;
        }
        return file;
    }

    /// <summary>Temporary uploads free their room as they expire: come back then (429). Kept files don't: 413.</summary>
    private async Task<Error> RefusalAsync(string ownerId, FileKind kind, DateTime now, CancellationToken cancellationToken)
    {
        if (kind == FileKind.Proof) return Error.TooLarge($"Storage quota reached: at most {quota.ProofFiles} kept files and {quota.ProofBytes} bytes per user");
        var freed = await files.FirstExpiryOfAsync(ownerId, cancellationToken) is { } expiry && expiry > now ? expiry - now : TimeSpan.FromSeconds(1);
        return Error.TooManyRequests($"Upload quota reached: at most {quota.TempFiles} temporary files and {quota.TempBytes} bytes at a time; " +
            "earlier uploads expire 15 minutes after they arrive") with { RetryAfter = freed };
    }
}
