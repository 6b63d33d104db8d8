using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Platform.Application.Results;
using Platform.Domain;
using Platform.Persistence;

namespace Platform.Api;

/// <summary>
/// The last line: an aggregate's refusal (<see cref="DomainRuleException"/>) is the reference's 400, a malformed request keeps its 4xx, a lost optimistic-concurrency race is a 409, and anything else is
/// logged and answered as a 500 problem that carries only the trace id, never a stack trace.
/// </summary>
public sealed class PlatformExceptionHandler(IProblemDetailsService problems, ILogger<PlatformExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is DomainRuleException rule)
        {
            await Error.Validation(rule.Message).ToHttp().ExecuteAsync(httpContext);
            return true;
        }

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "Payload too large",
                StatusCodes.Status429TooManyRequests => "Too many requests",
                _ => "Bad request",
            }, bad.Message),
            ConcurrencyConflictException => (StatusCodes.Status409Conflict, "Conflict", "The resource was changed by another request; read it again and retry."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", (string?)null),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", (string?)null),
        };
        if (status >= 500) logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status429TooManyRequests)
            httpContext.Response.Headers.RetryAfter = ErrorResponses.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
