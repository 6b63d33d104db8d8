using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Testing;

namespace Gateway.Tests;

/// <summary>The gateway in memory, validating tokens from <see cref="Tokens"/>, with the given settings on top.</summary>
public class GatewayFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    public TestTokens Tokens { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:PublicKeyPem", Tokens.PublicKeyPem);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>A client that sends <paramref name="token"/> as its bearer token, or no token when it is null.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
