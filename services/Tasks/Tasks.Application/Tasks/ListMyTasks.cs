using Mediator;
using Platform.Application;
using Platform.Application.Paging;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Tasks;

/// <summary>The caller's recent tasks, newest first (route 10).</summary>
public sealed record ListMyTasks(Caller Caller, PageRequest Page) : IQuery<Result<PagedList<JobTask>>>;

public sealed class ListMyTasksHandler(IJobTaskRepository tasks) : IQueryHandler<ListMyTasks, Result<PagedList<JobTask>>>
{
    public async ValueTask<Result<PagedList<JobTask>>> Handle(ListMyTasks query, CancellationToken cancellationToken) =>
        await tasks.ListForWorkerAsync(query.Caller.UserId, query.Page, cancellationToken);
}
