using Mediator;
using Platform.Application.Results;
using Storage.Application.Ports;
using Storage.Domain.Files;

namespace Storage.Application.Files;

/// <summary>A file by the name it was issued under, while it is served (route 43).</summary>
public sealed record GetTempFile(string Name) : IQuery<Result<FileDownload>>;

/// <summary>A file's metadata and its bytes, opened for reading (the caller disposes the stream).</summary>
public sealed record FileDownload(StoredFile File, Stream Content);

public sealed class GetTempFileHandler(IStoredFileRepository files, IFileContents contents, TimeProvider clock)
    : IQueryHandler<GetTempFile, Result<FileDownload>>
{
    public const string NotFoundMessage = "File not found or expired";

    public async ValueTask<Result<FileDownload>> Handle(GetTempFile query, CancellationToken cancellationToken)
    {
        // Only a name of the issued form is ever looked up: anything else names no file.
        if (!FileNames.IsIssued(query.Name)) return Error.NotFound(NotFoundMessage);
        var file = await files.GetAsync(query.Name, cancellationToken);
        // The public route serves temporary uploads only: a proof file is served through its task's access rules.
        if (file is null || file.Kind != FileKind.Temporary || !file.IsAvailableAt(clock.GetUtcNow().UtcDateTime)) return Error.NotFound(NotFoundMessage);
        return contents.OpenRead(file.Name) is { } content ? new FileDownload(file, content) : Error.NotFound(NotFoundMessage);
    }
}
