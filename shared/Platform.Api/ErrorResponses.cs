using Microsoft.AspNetCore.Http;
using Platform.Application.Results;

namespace Platform.Api;

/// <summary>
/// The reference's error bodies: <c>{"error": "..."}</c>, and for validation also the full list under "errors".
/// Each <see cref="ErrorKind"/> has one status code.
/// </summary>
public static class ErrorResponses
{
    /// <summary>The status code of each kind of failure, for every body shape (the storage routes write their own).</summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.BadGateway => StatusCodes.Status502BadGateway,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>How long a caller refused with a 429 is told to wait (Retry-After), unless the limit knows better.</summary>
    public const int RetryAfterSeconds = 1;

    public static IResult ToHttp(this Error error) =>
        WithRetryAfter(error, Results.Json(new ErrorBody(error.Message, error.Kind == ErrorKind.Validation ? error.Messages : null), statusCode: StatusOf(error.Kind)));

    /// <summary>A 429 says when to try again.</summary>
    private static IResult WithRetryAfter(Error error, IResult result) =>
        error.Kind == ErrorKind.TooManyRequests ? new RetryAfterResult(result, RetryAfterOf(error)) : result;

    /// <summary>The whole seconds a refused caller should wait: what the use case said, at least one.</summary>
    public static int RetryAfterOf(Error error) => error.RetryAfter is { } wait ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : RetryAfterSeconds;

    /// <summary>Puts the Retry-After a 429 carries on <paramref name="result"/> (for routes with bodies of their own).</summary>
    public static IResult WithRetryAfterOf(this IResult result, Error error) => WithRetryAfter(error, result);

    private sealed class RetryAfterResult(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }

    /// <summary>
    /// The error body of the reference's routes that answer <c>{"success": ...}</c> (planned tasks, task deletion and
    /// re-initiation): the text under both "message" and "error", since the reference uses either for these routes.
    /// </summary>
    public static IResult ToSuccessHttp(this Error error) =>
        WithRetryAfter(error, Results.Json(new SuccessErrorBody(false, error.Message, error.Message, error.Kind == ErrorKind.Validation && error.Messages.Count > 1 ? error.Messages : null),
            statusCode: StatusOf(error.Kind)));

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value) : result.Error!.ToHttp();

    public static IResult ToHttp(this Result result, Func<IResult> onSuccess) =>
        result.IsSuccess ? onSuccess() : result.Error!.ToHttp();
}

/// <summary>The reference's error body.</summary>
public sealed record ErrorBody(
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
    [property: System.Text.Json.Serialization.JsonPropertyName("errors")]
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<string>? Errors = null);

/// <summary>The error body of the reference's <c>{"success": false, ...}</c> routes.</summary>
public sealed record SuccessErrorBody(
    [property: System.Text.Json.Serialization.JsonPropertyName("success")] bool Success,
    [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message,
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
    [property: System.Text.Json.Serialization.JsonPropertyName("errors")]
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<string>? Errors = null);
