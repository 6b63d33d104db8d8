using System.Text;
using Identity.Api.Contracts;
using Identity.Application.Tokens;
using Identity.Application.Users;
using Mediator;
using Platform.Api;
using Platform.Api.Binding;

namespace Identity.Api.Endpoints;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth").AllowAnonymous();

        auth.MapPost("/register", Register).WithName("Register")
            .Produces<RegisterResponse>(StatusCodes.Status201Created)
            .Produces<ErrorBody>(StatusCodes.Status400BadRequest)
            .Produces<ErrorBody>(StatusCodes.Status409Conflict)
            .Produces<ErrorBody>(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(AuthRateLimits.SignUp)
            .WithSummary("Sign up; the response carries the API client's secret, shown this once. Limited per client address (429 with Retry-After).");

        // Documented, not matched on: a body of another type must get RFC 6749's invalid_request, not a 415.
        auth.MapPost("/token", Token).WithName("IssueToken")
            .DocumentsRequest<TokenRequest>(RequestContractLocation.Form)
            .Produces<TokenResponse>()
            .Produces<OAuthErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<OAuthErrorResponse>(StatusCodes.Status401Unauthorized)
            .Produces<OAuthErrorResponse>(StatusCodes.Status429TooManyRequests)
            .DisableAntiforgery()
            .RequireRateLimiting(AuthRateLimits.Token)
            .WithSummary("OAuth 2.0 token endpoint: form-encoded grant_type=client_credentials, client_id and client_secret (or HTTP Basic). Limited per client address (429 slow_down with Retry-After).");
        return app;
    }

    private static async Task<IResult> Register(Body<RegisterRequest> body, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal)) return refusal;
        var result = await mediator.Send(request.ToCommand(), ct);
        return result.ToHttp(r => Results.Json(new RegisterResponse(r.UserId, r.ClientId, r.ClientSecret), statusCode: StatusCodes.Status201Created));
    }

    /// <summary>RFC 6749: form-encoded; client credentials in the body or in HTTP Basic; errors as {error, error_description}.</summary>
    private static async Task<IResult> Token(HttpRequest request, ISender mediator, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return OAuthError(OAuthErrors.InvalidRequest, "The request must be application/x-www-form-urlencoded", StatusCodes.Status400BadRequest);

        var form = await request.ReadFormAsync(ct);
        var basic = BasicCredentials(request);
        var (clientId, clientSecret) = basic ?? (form["client_id"].ToString(), form["client_secret"].ToString());
        var result = await mediator.Send(new IssueToken(form["grant_type"].ToString(), clientId, clientSecret), ct);
        if (result.IsSuccess)
        {
            // RFC 6749 5.1: a response with a token is never cached.
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            request.HttpContext.Response.Headers.Pragma = "no-cache";
            return Results.Json(new TokenResponse(result.Value.Token, "Bearer", result.Value.ExpiresInSeconds));
        }

        // RFC 6749 §5.2: invalid_client is a 401 with a challenge when the client authenticated with HTTP Basic; 400 otherwise.
        var error = result.Error!;
        var status = error.Messages[0] == OAuthErrors.InvalidClient && basic is not null ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
        if (status == StatusCodes.Status401Unauthorized) request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"platform\"";
        return OAuthError(error.Messages[0], error.Messages.ElementAtOrDefault(1), status);
    }

    private static IResult OAuthError(string code, string? description, int status)
    {
        return Results.Json(new OAuthErrorResponse(code, description), statusCode: status);
    }

    private static (string, string)? BasicCredentials(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) return null;
            return (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
