using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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

    /// <summary>Signs a new user up (route 44): their id and their API client's credentials.</summary>
    public async Task<(string UserId, string ClientId, string Secret)> RegisterAsync(string country = "DE")
    {
        var response = await CreateClient().PostAsJsonAsync("/api/v1/auth/register", new JsonObject
        {
            ["email"] = $"user-{Guid.NewGuid():N}@example.com", ["password"] = "correct horse", ["name"] = "Olga", ["country"] = country,
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["user_id"]!.GetValue<string>(), body["client_id"]!.GetValue<string>(), body["client_secret"]!.GetValue<string>());
    }
}
