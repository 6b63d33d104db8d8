using Mediator;
using Platform.Application.Results;
using Storage.Application.Ports;
using Storage.Domain.Files;

namespace Storage.Application.Files;

/// <summary>A proof file by its issued name, for Tasks to serve to those its task's rules allow.</summary>
public sealed record GetProofFile(string Name) : IQuery<Result<FileDownload>>;

public sealed class GetProofFileHandler(IStoredFileRepository files, IFileContents contents) : IQueryHandler<GetProofFile, Result<FileDownload>>
{
    public const string NotFoundMessage = "File not found";

    public async ValueTask<Result<FileDownload>> Handle(GetProofFile query, CancellationToken cancellationToken)
    {
        if (!FileNames.IsIssued(query.Name)) return Error.NotFound(NotFoundMessage);
        var file = await files.GetAsync(query.Name, cancellationToken);
        if (file is null || file.Kind != FileKind.Proof) return Error.NotFound(NotFoundMessage);
        return contents.OpenRead(file.Name) is { } content ? new FileDownload(file, content) : Error.NotFound(NotFoundMessage);
    }
}
