using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Storage.Application.Ports;
using Storage.Domain.Files;

namespace Storage.Application.Files;

/// <summary>
/// A caller uploads a file for a short while (route 42): it is streamed to the file store under a name the platform
/// issues and served for 15 minutes.
/// </summary>
public sealed record UploadTempFile(Caller Caller, string? OriginalName, string? ContentType, Stream Content) : ICommand<Result<StoredFile>>;

public sealed class UploadTempFileValidator : AbstractValidator<UploadTempFile>
{
    public const int MaxOriginalNameLength = 255;

    public UploadTempFileValidator()
    {
        RuleFor(x => x.OriginalName).MaximumLength(MaxOriginalNameLength).WithMessage($"The file name must be at most {MaxOriginalNameLength} characters");
    }
}

public sealed class UploadTempFileHandler(IFileContents contents, IStoredFileRepository files, IStorageUsage usage, StorageQuota quota, TimeProvider clock)
    : ICommandHandler<UploadTempFile, Result<StoredFile>>
{
    public const string TooLargeMessage = "File too large: at most 50 MB";

    public async ValueTask<Result<StoredFile>> Handle(UploadTempFile command, CancellationToken cancellationToken) =>
        await new FileIntake(contents, files, usage, quota, clock).StoreAsync(command.Caller.UserId, FileKind.Temporary, command.OriginalName, command.Content,
            (name, size, now) => StoredFile.Temporary(name, OriginalNameOf(command.OriginalName), MediaTypes.Normalize(command.ContentType), size,
                command.Caller.UserId, now), cancellationToken);

    /// <summary>The name the uploader gave, without any folder part (it is shown back, never used as a path).</summary>
    internal static string OriginalNameOf(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "file" : name.Replace('\\', '/').Split('/')[^1] is { Length: > 0 } last ? last : "file";
}
