using Microsoft.AspNetCore.Http;
using Platform.Application.Results;

namespace Platform.Api;

/// <summary>
/// The reference's error bodies: <c>{"error": "..."}</c>, and for validation also the full list under "errors".
/// Each <see cref="ErrorKind"/> has one status code.
/// </summary>
public static class ErrorResponses
{
    public static IResult ToHttp(this Error error) => error.Kind switch
    {
        ErrorKind.Validation => Results.Json(new ErrorBody(error.Message, error.Messages), statusCode: StatusCodes.Status400BadRequest),
        ErrorKind.NotFound => Results.Json(new ErrorBody(error.Message), statusCode: StatusCodes.Status404NotFound),
        ErrorKind.Forbidden => Results.Json(new ErrorBody(error.Message), statusCode: StatusCodes.Status403Forbidden),
        ErrorKind.Conflict => Results.Json(new ErrorBody(error.Message), statusCode: StatusCodes.Status409Conflict),
        ErrorKind.Unauthorized => Results.Json(new ErrorBody(error.Message), statusCode: StatusCodes.Status401Unauthorized),
        ErrorKind.TooLarge => Results.Json(new ErrorBody(error.Message), statusCode: StatusCodes.Status413PayloadTooLarge),
        _ => Results.Problem(statusCode: StatusCodes.Status500InternalServerError),
    };

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
