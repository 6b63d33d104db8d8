using System.Threading.RateLimiting;
using Identity.Api.Contracts;
using Identity.Application.Users;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Api;

namespace Identity.Api;

/// <summary>
/// Per client address (after the trusted proxies' X-Forwarded-For), a budget of sign-ups and of token requests a minute
/// (<see cref="IdentityLimits"/>): past it a 429 with Retry-After, in the route's own error shape (the reference's
/// <c>{"error"}</c> for sign-up, an OAuth error for the token endpoint), so guessing secrets or minting accounts from
/// one address is slow, and one address can't take another's turn.
/// </summary>
public static class AuthRateLimits
{
    public const string SignUp = "sign-up";
    public const string Token = "token";
    public const string SignUpRefused = "Too many sign-ups from this address; try again later";
    public const string SlowDown = "slow_down";

    public static IServiceCollection AddAuthRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(IdentityLimits.Section).Get<IdentityLimits>() ?? new IdentityLimits();
        return services.AddRateLimiter(options =>
        {
            options.AddPolicy(SignUp, context => PerAddress(context, limits.SignUpsPerMinute));
            options.AddPolicy(Token, context => PerAddress(context, limits.TokenRequestsPerMinute));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(ErrorResponses.RetryAfterSeconds);
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Token)
                    await response.WriteAsJsonAsync(new OAuthErrorResponse(SlowDown, "Too many token requests from this address; try again later"), cancellationToken);
                else
                    await response.WriteAsJsonAsync(new ErrorBody(SignUpRefused), cancellationToken);
            };
        });
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(context.ClientIp() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
