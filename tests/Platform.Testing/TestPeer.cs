using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Platform.Testing;

/// <summary>
/// The test host has no network peer: a request's connection comes from the address its <see cref="Header"/> names, or
/// from this machine's loopback (the gateway's address in local runs, which the services trust for X-Forwarded-For).
/// </summary>
public sealed class TestPeer : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers[Header].FirstOrDefault() is { } peer
                ? IPAddress.Parse(peer)
                : context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
            return following(context);
        });
        next(app);
    };
}
