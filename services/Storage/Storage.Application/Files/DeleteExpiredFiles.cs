using Mediator;
using Platform.Application.Results;
using Storage.Application.Ports;

namespace Storage.Application.Files;

/// <summary>The expiry sweep: every file past its expiry goes, bytes and metadata. Returns how many went.</summary>
public sealed record DeleteExpiredFiles(int BatchSize = 100) : ICommand<Result<int>>;

public sealed class DeleteExpiredFilesHandler(IStoredFileRepository files, IFileContents contents, IStorageUsage usage, TimeProvider clock)
    : ICommandHandler<DeleteExpiredFiles, Result<int>>
{
    public async ValueTask<Result<int>> Handle(DeleteExpiredFiles command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var deleted = 0;
        while (true)
        {
            var expired = await files.FindExpiredAsync(now, command.BatchSize, cancellationToken);
            foreach (var file in expired)
            {
                // Bytes first: metadata without bytes is served as "not found"; bytes without metadata would be lost track of.
                await contents.DeleteAsync(file.Name, cancellationToken);
                await files.DeleteAsync(file.Name, cancellationToken);
                await usage.ReturnAsync(file.OwnerId, file.Kind, file.Size, cancellationToken);
            }
            deleted += expired.Count;
            if (expired.Count < command.BatchSize) return deleted;
        }
    }
}
