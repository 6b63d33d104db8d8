using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Platform.Api;

/// <summary>
/// Sends the token of the request being served along with a call to another platform service, which checks it as its
/// own caller's (AddPlatformApi puts this on every HttpClient a service makes).
/// </summary>
public sealed class ForwardedAuthorization(IHttpContextAccessor context) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (context.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString() is { Length: > 0 } authorization)
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
        return base.SendAsync(request, cancellationToken);
    }
}
