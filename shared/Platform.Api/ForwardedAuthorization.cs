using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Platform.Topology;
using Microsoft.Net.Http.Headers;

namespace Platform.Api;

/// <summary>
/// Sends the token of the request being served along with a call to another platform service, which checks it as its
/// own caller's. Only the HTTP clients named for a platform service (<see cref="PlatformService.HttpClientName"/>)
/// carry it: a payment provider, or any other address outside the platform, never sees a caller's token.
/// </summary>
public sealed class ForwardedAuthorization(IHttpContextAccessor context) : DelegatingHandler
{
    /// <summary>Puts the handler on the clients named for a platform service, and on no other.</summary>
    internal sealed class ToPlatformServices : IConfigureNamedOptions<HttpClientFactoryOptions>
    {
        public void Configure(string? name, HttpClientFactoryOptions options)
        {
            if (name is null || !name.StartsWith(PlatformService.HttpClientPrefix, StringComparison.Ordinal)) return;
            options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.AdditionalHandlers.Add(handlers.Services.GetRequiredService<ForwardedAuthorization>()));
        }

        public void Configure(HttpClientFactoryOptions options) => Configure(Options.DefaultName, options);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (context.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString() is { Length: > 0 } authorization)
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
        return base.SendAsync(request, cancellationToken);
    }
}
