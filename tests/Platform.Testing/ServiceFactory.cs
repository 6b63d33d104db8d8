using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Platform.Testing;

/// <summary>
/// One service over HTTP, in memory: its own temporary embedded store, tokens from <see cref="TestTokens"/>, and
/// MassTransit's test harness in place of RabbitMQ (so the test can see what the service publishes).
/// </summary>
public class ServiceFactory<TProgram> : WebApplicationFactory<TProgram> where TProgram : class
{
    public ServiceFactory()
    {
        DataDirectory = Directory.CreateTempSubdirectory("service-test-").FullName;
    }

    public TestTokens Tokens { get; } = new();
    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("PLATFORM_DATA_DIR", DataDirectory);
        builder.UseSetting("Auth:PublicKeyPem", Tokens.PublicKeyPem);
        builder.UseSetting("ConnectionStrings:rabbitmq", string.Empty);
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }

    public HttpClient ClientFor(string userId, string name = "Test User", string country = "US")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(userId, name, country));
        return client;
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
