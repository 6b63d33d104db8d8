using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Jobs.Api.Tests;

/// <summary>
/// Payments' job-funding routes as Jobs calls them, in memory (the Payments API tests pin the real ones, and the
/// end-to-end suite runs both services): it answers the way Payments does, from balances a test sets, charging a 10%
/// fee per position. Every user may spend <see cref="DefaultBalance"/> unless a test sets otherwise; while
/// <see cref="Down"/>, no call gets an answer.
/// </summary>
public sealed class FakePayments : HttpMessageHandler
{
    public const decimal DefaultBalance = 1_000_000m;
    private readonly ConcurrentDictionary<string, decimal> _available = new();
    private readonly ConcurrentDictionary<string, (string Owner, decimal Charged)> _held = new();
    private readonly Lock _ledger = new();

    public bool Down { get; set; }

    /// <summary>The reopenings asked for, by job: the reopen ids, in order (Payments holds the money under the last).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<string>> Reopened { get; } = new();

    /// <summary>Runs when a reopening is asked for, before it is answered (a test makes the job change meanwhile).</summary>
    public Func<string, Task>? OnReopen { get; set; }

    /// <summary>The jobs funded, by id, with what each holds.</summary>
    public IReadOnlyDictionary<string, (string Owner, decimal Charged)> Held => _held;

    public void SetBalance(string userId, decimal available) => _available[userId] = available;

    public decimal BalanceOf(string userId) => _available.GetValueOrDefault(userId, DefaultBalance);

    public static decimal Charge(int positions, decimal jobPrice) => positions * (jobPrice + decimal.Round(jobPrice * 0.10m, 4, MidpointRounding.AwayFromZero));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Down) throw new HttpRequestException("Connection refused (payments)");
        var userId = new JsonWebToken(request.Headers.Authorization!.Parameter).Subject;
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Post && path == "/internal/job-funding")
        {
            var body = (await request.Content!.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
            var jobId = body["job_id"]!.GetValue<string>();
            var charged = Charge(body["positions"]!.GetValue<int>(), body["job_price"]!.GetValue<decimal>());
            lock (_ledger)
            {
                if (!_held.ContainsKey(jobId))
                {
                    if (BalanceOf(userId) < charged) return Answer(HttpStatusCode.BadRequest, new JsonObject { ["error"] = $"Insufficient balance to fund this job: it costs {charged}" });
                    _available[userId] = BalanceOf(userId) - charged;
                    _held[jobId] = (userId, charged);
                }
            }
            return Answer(HttpStatusCode.OK, new JsonObject { ["job_id"] = jobId, ["charged"] = charged, ["fee_per_task"] = 0 });
        }
        if (request.Method == HttpMethod.Post && path.StartsWith("/internal/job-funding/", StringComparison.Ordinal) && path.EndsWith("/reopen", StringComparison.Ordinal))
        {
            var jobId = path.Split('/')[3];
            var reopenId = (await request.Content!.ReadFromJsonAsync<JsonObject>(cancellationToken))!["reopen_id"]!.GetValue<string>();
            if (BalanceOf(userId) <= 0) return Answer(HttpStatusCode.BadRequest, new JsonObject { ["error"] = "Insufficient balance to reopen this job" });
            Reopened.GetOrAdd(jobId, _ => new ConcurrentQueue<string>()).Enqueue(reopenId);
            if (OnReopen is { } hook) await hook(jobId);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, JsonObject body) => new(status) { Content = JsonContent.Create(body) };
}
