using Microsoft.AspNetCore.Hosting;
using Platform.Testing;

namespace Identity.Api.Tests;

/// <summary>
/// Identity in memory for the tests of what it does (every request comes from the gateway's one address here): its
/// per-address budgets raised out of the way. <see cref="SignUpLimitTests"/> tests the budgets themselves.
/// </summary>
public sealed class IdentityApi : ServiceFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Identity:Limits:SignUpsPerMinute", "100000");
        builder.UseSetting("Identity:Limits:TokenRequestsPerMinute", "100000");
    }
}
