using System.Security.Claims;
using Platform.Application;
using Platform.ServiceDefaults.Auth;

namespace Platform.Api;

public static class CallerExtensions
{
    /// <summary>Who is calling, from the validated token's claims, as the use cases take it.</summary>
    public static Caller ToCaller(this ClaimsPrincipal principal) => new(
        principal.FindFirstValue(PlatformClaims.Subject) ?? throw new InvalidOperationException("The token has no subject."),
        principal.FindFirstValue(PlatformClaims.Name),
        principal.FindFirstValue(PlatformClaims.Country),
        principal.FindFirstValue(PlatformClaims.RemoteDeviceId),
        principal.FindFirstValue(PlatformClaims.JobTaskId));
}
