using Mediator;
using Platform.Application.Results;
using Storage.Application.Ports;
using Storage.Domain.Files;

namespace Storage.Application.Files;

/// <summary>Tasks no longer needs a proof file (its task was deleted or its proof replaced): its bytes and metadata go.</summary>
public sealed record DeleteProofFile(string Name) : ICommand<Result>;

public sealed class DeleteProofFileHandler(IStoredFileRepository files, IFileContents contents, IStorageUsage usage) : ICommandHandler<DeleteProofFile, Result>
{
    public async ValueTask<Result> Handle(DeleteProofFile command, CancellationToken cancellationToken)
    {
        if (!FileNames.IsIssued(command.Name)) return Error.NotFound(GetProofFileHandler.NotFoundMessage);
        var file = await files.GetAsync(command.Name, cancellationToken);
        if (file is null || file.Kind != FileKind.Proof) return Error.NotFound(GetProofFileHandler.NotFoundMessage);
        await contents.DeleteAsync(file.Name, cancellationToken);
        await files.DeleteAsync(file.Name, cancellationToken);
        await usage.ReturnAsync(file.OwnerId, file.Kind, file.Size, cancellationToken);
        return Result.Success();
    }
}
