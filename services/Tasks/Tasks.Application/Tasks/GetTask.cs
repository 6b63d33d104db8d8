using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Tasks;

/// <summary>One task (route 10 with task_id): its worker, or its job's owner or a share, may see it; anyone else is told it doesn't exist.</summary>
public sealed record GetTask(Caller Caller, string TaskId) : IQuery<Result<JobTask>>;

public sealed class GetTaskHandler(TaskAccess access) : IQueryHandler<GetTask, Result<JobTask>>
{
    public async ValueTask<Result<JobTask>> Handle(GetTask query, CancellationToken cancellationToken) =>
        await access.FindVisibleAsync(query.Caller.UserId, query.TaskId, cancellationToken);
}
