using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Tasks;

/// <summary>A proof file of a task by its field name, for those who may see the task (its worker, the job's owner and shares).</summary>
public sealed record GetProofFile(Caller Caller, string TaskId, string Field) : IQuery<Result<ProofFileDownload>>;

public sealed record ProofFileDownload(ProofFile File, ProofFileContent Content);

public sealed class GetProofFileHandler(TaskAccess access, IProofFileStore store) : IQueryHandler<GetProofFile, Result<ProofFileDownload>>
{
    public const string FileNotFound = "Proof file not found";

    public async ValueTask<Result<ProofFileDownload>> Handle(GetProofFile query, CancellationToken cancellationToken)
    {
        var task = await access.FindVisibleAsync(query.Caller.UserId, query.TaskId, cancellationToken);
        if (!task.IsSuccess) return task.Error!;
        var file = task.Value.ProofFiles.FirstOrDefault(f => f.Field == query.Field);
        if (file is null) return Error.NotFound(FileNotFound);
        var content = await store.OpenAsync(file.StoredName, cancellationToken);
        return content is null ? Error.NotFound(FileNotFound) : new ProofFileDownload(file, content);
    }
}
