using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Application.Ports;
using Microsoft.Extensions.Logging;

namespace Jobs.Infrastructure.Payments;

/// <summary>
/// Job funding in the Payments service, through its internal routes (never routed by the gateway), with the caller's
/// token (Platform.Api's ForwardedAuthorization). 200/204: funded; 400: refused, with Payments' reason; anything else,
/// or no answer within <see cref="Timeout"/>: unknown. A reopened job Payments has no funding for (404: one posted before
/// jobs were funded) holds nothing and needs nothing: funded.
/// </summary>
public sealed partial class PaymentsJobFunding(HttpClient http, ILogger<PaymentsJobFunding> logger) : IJobFunding
{
    public const string Path = "/internal/job-funding";
    /// <summary>The HTTP client's name: a client of a platform service, so the caller's token goes along.</summary>
    public static readonly string ClientName = Platform.Topology.PlatformServices.Payments.HttpClientName("job-funding");
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public Task<FundingAnswer> FundAsync(string jobId, int positions, decimal jobPrice, CancellationToken cancellationToken) =>
        AskAsync(jobId, () => http.PostAsJsonAsync(Path, new { job_id = jobId, positions, job_price = jobPrice }, cancellationToken), cancellationToken);

    public Task<FundingAnswer> ReopenAsync(string jobId, string reopenId, CancellationToken cancellationToken) =>
        AskAsync(jobId, () => http.PostAsJsonAsync($"{Path}/{Uri.EscapeDataString(jobId)}/reopen", new { reopen_id = reopenId }, cancellationToken), cancellationToken,
            unknownJobIsFunded: true);

    private async Task<FundingAnswer> AskAsync(string jobId, Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken, bool unknownJobIsFunded = false)
    {
        try
        {
            using var response = await send();
            var body = response.Content.Headers.ContentLength is 0 ? null : await ReadAsync(response, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK or HttpStatusCode.NoContent:
                    return new FundingAnswer(FundingStatus.Funded, body?["charged"]?.GetValue<decimal>() ?? 0);
                case HttpStatusCode.NotFound when unknownJobIsFunded:
                    return new FundingAnswer(FundingStatus.Funded);
                case HttpStatusCode.BadRequest:
                    return new FundingAnswer(FundingStatus.Refused, Reason: body?["error"]?.GetValue<string>());
                default:
                    LogNoAnswer(jobId, (int)response.StatusCode, body?["error"]?.GetValue<string>());
                    return new FundingAnswer(FundingStatus.Unknown);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(jobId, e.Message);
            return new FundingAnswer(FundingStatus.Unknown);
        }
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payments answered {StatusCode} to funding job {JobId}: {Error}")]
    private partial void LogNoAnswer(string jobId, int statusCode, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payments could not be asked to fund job {JobId}: {Reason}")]
    private partial void LogUnreachable(string jobId, string reason);
}
