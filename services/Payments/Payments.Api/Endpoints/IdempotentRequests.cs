using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Payments.Application.Ports;
using Platform.Api;

namespace Payments.Api.Endpoints;

/// <summary>
/// The Idempotency-Key header on deposits and withdrawals: the same key with the same request answers what the first
/// answered (the header Idempotent-Replayed says so) and moves no money again; the same key with another request is a
/// 422; while the first is still running, a 409; after an answer that decided nothing (a 5xx), the key is free again and
/// a retry resumes the operation. The operation's id is derived from the user and the key, so a retry
/// after a crash resumes the same deposit or withdrawal instead of starting a second.
/// </summary>
public static class IdempotentRequests
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    public static async Task<IResult> RunAsync(HttpContext http, string userId, object request, Func<string?, Task<IResult>> run)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0) return await run(null);
        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
            return Results.Json(new ErrorBody($"{Header} must be 1 to {MaxKeyLength} printable characters"), statusCode: StatusCodes.Status400BadRequest);

        var records = http.RequestServices.GetRequiredService<IIdempotencyRecords>();
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path} {JsonSerializer.Serialize(request)}")));
        var claim = await records.ClaimAsync(userId, key, fingerprint, http.RequestAborted);
        switch (claim.State)
        {
            case IdempotencyState.Replay:
                http.Response.Headers[ReplayedHeader] = "true";
                return new StoredResult(claim.Response!);
            case IdempotencyState.Mismatch:
                return Results.Json(new ErrorBody($"This {Header} was used with another request"), statusCode: StatusCodes.Status422UnprocessableEntity);
            case IdempotencyState.InProgress:
                return Results.Json(new ErrorBody($"A request with this {Header} is still running; try again shortly"), statusCode: StatusCodes.Status409Conflict);
        }

        StoredResponse response;
        try
        {
            response = await CaptureAsync(http, await run(OperationId(userId, key)));
        }
        catch
        {
            await records.ReleaseAsync(userId, key, CancellationToken.None);
            throw;
        }
        // An answer that decided nothing (a provider that did not answer: 5xx) is not kept: a retry with the key resumes.
        if (response.StatusCode >= 500) await records.ReleaseAsync(userId, key, CancellationToken.None);
        else await records.CompleteAsync(userId, key, response, CancellationToken.None);
        return new StoredResult(response);
    }

    /// <summary>The id of the operation a key stands for: the same for every retry with the key, like any other id in form (24 hex digits).</summary>
    public static string OperationId(string userId, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}\n{key}")))[..24];

    /// <summary>Runs the endpoint's result into a buffer, to keep the exact answer.</summary>
    private static async Task<StoredResponse> CaptureAsync(HttpContext http, IResult result)
    {
        var scratch = new DefaultHttpContext { RequestServices = http.RequestServices };
        using var body = new MemoryStream();
        scratch.Response.Body = body;
        await result.ExecuteAsync(scratch);
        return new StoredResponse(scratch.Response.StatusCode, scratch.Response.ContentType, body.ToArray());
    }

    /// <summary>A kept response, sent as it was: status, content type and bytes.</summary>
    private sealed class StoredResult(StoredResponse response) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = response.StatusCode;
            if (response.ContentType is { } contentType) httpContext.Response.ContentType = contentType;
            await httpContext.Response.Body.WriteAsync(response.Body);
        }
    }
}
