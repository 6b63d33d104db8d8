using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Tasks.Application.Ports;

namespace Tasks.Infrastructure.Identity;

/// <summary>
/// Identity's internal route <c>POST /internal/agent-tokens</c> (never routed by the gateway): the calling agent's own
/// token is forwarded (the platform's HttpClients do that), and Identity answers a token that also carries the task.
/// </summary>
public sealed class IdentityAgentTokens(HttpClient http, ILogger<IdentityAgentTokens> logger) : IAgentTokens
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<TaskToken?> IssueForTaskAsync(string jobTaskId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/internal/agent-tokens", new TaskTokenRequest(jobTaskId), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Identity refused a task token for {TaskId}: {Status}", jobTaskId, (int)response.StatusCode);
                return null;
            }
            var token = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken);
            return token is null ? null : new TaskToken(token.AccessToken, token.ExpiresIn);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Identity gave no task token for {TaskId}", jobTaskId);
            return null;
        }
    }

    private sealed record TaskTokenRequest([property: JsonPropertyName("job_task_id")] string JobTaskId);

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
