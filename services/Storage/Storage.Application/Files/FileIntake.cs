using System.Security.Cryptography;
using Platform.Application.Results;
using Storage.Application.Ports;
using Storage.Domain.Files;

namespace Storage.Application.Files;

/// <summary>
/// How a file comes in, whatever it is for: streamed to the file store under a newly issued name (at most 50 MB, else
/// nothing is kept), then its metadata stored; if that fails, the bytes go too.
/// </summary>
internal static class FileIntake
{
    public static async Task<Result<StoredFile>> StoreAsync(IFileContents contents, IStoredFileRepository files, DateTime now, string? originalName,
        Stream content, Func<string, long, DateTime, StoredFile> describe, CancellationToken cancellationToken)
    {
        var name = FileNames.New(originalName, now, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        var size = await contents.SaveAsync(name, content, StoredFile.MaxBytes, cancellationToken);
        if (size is not { } bytes) return Error.TooLarge(UploadTempFileHandler.TooLargeMessage);

        var file = describe(name, bytes, now);
        try
        {
            await files.AddAsync(file, cancellationToken);
        }
        catch
        {
            await contents.DeleteAsync(name, CancellationToken.None);
            throw;
        }
        return file;
    }
}
