using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Storage.Application.Ports;
using Storage.Domain.Files;

namespace Storage.Application.Files;

/// <summary>
/// The Tasks service stores a task's proof file (internal route, never through the gateway): kept, with no expiry,
/// until Tasks deletes it with its task. Who may read it is Tasks' decision; Storage serves it to Tasks only.
/// </summary>
public sealed record StoreProofFile(Caller Caller, string OwnerId, string? OriginalName, string? ContentType, Stream Content) : ICommand<Result<StoredFile>>;

public sealed class StoreProofFileValidator : AbstractValidator<StoreProofFile>
{
    public StoreProofFileValidator()
    {
        RuleFor(x => x.OwnerId).NotEmpty().WithMessage("owner is required").MaximumLength(100).WithMessage("owner must be at most 100 characters");
        RuleFor(x => x.OriginalName).MaximumLength(UploadTempFileValidator.MaxOriginalNameLength)
            .WithMessage($"The file name must be at most {UploadTempFileValidator.MaxOriginalNameLength} characters");
    }
}

public sealed class StoreProofFileHandler(IFileContents contents, IStoredFileRepository files, IStorageUsage usage, StorageQuota quota, TimeProvider clock)
    : ICommandHandler<StoreProofFile, Result<StoredFile>>
{
    public async ValueTask<Result<StoredFile>> Handle(StoreProofFile command, CancellationToken cancellationToken) =>
        await new FileIntake(contents, files, usage, quota, clock).StoreAsync(command.OwnerId, FileKind.Proof, command.OriginalName, command.Content,
            (name, size, now) => StoredFile.Proof(name, UploadTempFileHandler.OriginalNameOf(command.OriginalName), MediaTypes.Normalize(command.ContentType),
                size, command.OwnerId, now), cancellationToken);
}
