namespace Tasks.Application.Ports;

/// <summary>A task-scoped agent token: the agent's token narrowed to one running task.</summary>
public sealed record TaskToken(string AccessToken, int ExpiresInSeconds);

/// <summary>
/// Asks Identity for a task-scoped agent token (carrying <c>job_task_id</c> and <c>remote_device_id</c>) for the
/// calling agent. Such a token is only as good as the task: every route that takes one checks that the task still
/// runs on the token's device.
/// </summary>
public interface IAgentTokens
{
    /// <summary>The token; null when Identity gave no answer.</summary>
    Task<TaskToken?> IssueForTaskAsync(string jobTaskId, CancellationToken cancellationToken);
}
