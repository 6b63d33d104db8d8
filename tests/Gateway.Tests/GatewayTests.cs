using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Gateway.Tests;

/// <summary>The gateway alone: what it refuses before anything reaches a service (no service runs behind it here).</summary>
public sealed class GatewayTests : IDisposable
{
    private readonly GatewayFactory _gateway = new(new Dictionary<string, string>
    {
        ["Gateway:RateLimitPerSecond"] = "1",
        ["Gateway:RateLimitBurst"] = "3",
        ["Gateway:MaxRequestBodyBytes"] = "1000",
    });

    private TestTokens Tokens => _gateway.Tokens;

    private HttpClient Client(string? token = null) => _gateway.Client(token);

    [Theory]
    [InlineData("/api/v1/jobs")]
    [InlineData("/api/v1/jobs/mine")]
    [InlineData("/api/v1/jobs/0123456789abcdef01234567")]
    [InlineData("/api/v1/users/me")]
    [InlineData("/api/v1/automations")]
    public async Task Protected_routes_answer_401_without_a_valid_token(string path)
    {
        var none = await Client().GetAsync(path);
        var expired = await Client(Tokens.Expired("0123456789abcdef01234567")).GetAsync(path);
        var foreign = await Client(Tokens.For("0123456789abcdef01234567", foreignKey: true)).GetAsync(path);

        foreach (var response in new[] { none, expired, foreign })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
    }

    [Fact]
    public async Task Public_routes_pass_without_a_token()
    {
        await using var identity = await EchoService.StartAsync();
        using var gateway = new GatewayFactory(new Dictionary<string, string> { ["services:identity:http:0"] = identity.Address });
        var client = gateway.Client();

        var token = await client.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));
        var jwks = await client.GetAsync("/.well-known/jwks.json");
        var discovery = await client.GetAsync("/.well-known/openid-configuration");

        foreach (var forwarded in new[] { token, jwks, discovery })
            forwarded.StatusCode.Should().Be(HttpStatusCode.Created, "the echo standing in for Identity answered");
        identity.Requests.Should().Be(3);
        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/alive")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_over_its_rate_gets_429_with_Retry_After_and_other_tokens_are_unaffected()
    {
        var busy = Client(Tokens.For("0123456789abcdef01234567"));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await busy.GetAsync("/api/v1/nothing-here");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited ??= response;
        }

        statuses.Should().Contain(HttpStatusCode.TooManyRequests);
        limited!.Headers.RetryAfter.Should().NotBeNull();
        (await Client(Tokens.For("abcdef0123456789abcdef01")).GetAsync("/api/v1/nothing-here")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Made_up_tokens_share_their_address_limit_instead_of_each_getting_a_fresh_one()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await Client($"not-a-token-{i}").GetAsync("/api/v1/jobs")).StatusCode);

        statuses.Should().Contain(HttpStatusCode.Unauthorized).And.Contain(HttpStatusCode.TooManyRequests);
        statuses.Should().OnlyContain(s => s == HttpStatusCode.Unauthorized || s == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Two_tokens_of_one_user_are_limited_separately()
    {
        for (var i = 0; i < 6; i++) await Client(Tokens.For("0123456789abcdef01234567")).GetAsync("/api/v1/nothing-here");

        (await Client(Tokens.For("0123456789abcdef01234567")).GetAsync("/api/v1/nothing-here")).StatusCode.Should().Be(HttpStatusCode.NotFound,
            "each of those requests had its own token, and so does this one");
    }

    [Fact]
    public async Task A_body_over_the_gateway_limit_is_413()
    {
        var response = await Client(Tokens.For("0123456789abcdef01234567"))
            .PostAsync("/api/v1/jobs", new StringContent(new string('x', 5000), System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_openapi_document_is_served_without_a_token_and_declares_the_bearer_scheme()
    {
        var response = await Client().GetAsync("/api/v1/openapi.json");
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        document["openapi"]!.GetValue<string>().Should().StartWith("3.1");
        document["components"]!["securitySchemes"]!["bearer"]!["type"]!.GetValue<string>().Should().Be("http");
        response.Headers.GetValues("OpenApi-Missing-Services").Single().Split(", ").Should().Contain(["identity", "jobs", "payments", "devices"],
            "no service runs here: the document says which services' routes it lacks instead of passing for the whole API");
    }

    [Fact]
    public async Task The_reference_page_works_offline()
    {
        var html = await Client().GetStringAsync("/api/v1/docs/");

        html.Should().Contain("\"agent\":{\"disabled\":true}", "no AI chat (it calls a hosted service)")
            .And.Contain("\"mcp\":{\"disabled\":true}")
            .And.Contain("\"showDeveloperTools\":\"never\"", "no deploy or hosted SDK generation buttons")
            .And.Contain("\"telemetry\":false")
            .And.Contain("\"withDefaultFonts\":false", "no fonts from a CDN");
        html.Should().NotContainAny("http://", "https://");
        (await Client().GetAsync("/api/v1/docs/scalar.js")).StatusCode.Should().Be(HttpStatusCode.OK, "the page's script is served by the gateway");
    }

    [Theory]
    [InlineData("/api/v1/auth/register", true)]
    [InlineData("/api/v1/auth/token", true)]
    [InlineData("/api/v1/jobs", false)]
    [InlineData("/api/v1/jobs/{job_id}", false)]
    [InlineData("/api/v1/users/me", false)]
    [InlineData("/api/v1/authx", false)]
    [InlineData("/.well-known/jwks.json", true)]
    [InlineData("/.well-known/openid-configuration", true)]
    [InlineData("/api/v1/payments/webhooks/cryptomus", true)]
    [InlineData("/api/v1/payments/withdraw", false)]
    public void Only_the_route_tables_public_paths_are_documented_without_the_bearer_scheme(string path, bool isPublic)
    {
        PublicRoutes.IsPublic(path).Should().Be(isPublic);
    }

    [Fact]
    public async Task Unknown_paths_are_404()
    {
        (await Client(Tokens.For("0123456789abcdef01234567")).GetAsync("/api/v1/nothing-here")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    public void Dispose() => _gateway.Dispose();

    /// <summary>A gateway whose connections come from the peer each request names (<see cref="TestPeer"/>): the test host has no network.</summary>
    private sealed class GatewayWithPeers(IReadOnlyDictionary<string, string> settings) : GatewayFactory(settings)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestPeer>());
        }
    }

    private static async Task<string> ForwardedForAsync(GatewayFactory gateway, string peer, string claimed)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = new StringContent("") };
        request.Headers.Add(TestPeer.Header, peer);
        request.Headers.Add("X-Forwarded-For", claimed);
        var response = await gateway.Client().SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["forwarded_for"]!.GetValue<string>();
    }

    [Fact]
    public async Task The_client_address_the_services_hear_is_the_callers_unless_a_trusted_load_balancer_forwards_it()
    {
        await using var identity = await EchoService.StartAsync();
        using var edge = new GatewayWithPeers(new Dictionary<string, string> { ["services:identity:http:0"] = identity.Address });
        using var behindBalancer = new GatewayWithPeers(new Dictionary<string, string>
        {
            ["services:identity:http:0"] = identity.Address, ["Gateway:TrustedProxies"] = "10.0.0.0/8",
        });

        (await ForwardedForAsync(edge, "198.51.100.9", "203.0.113.1")).Should().Be("198.51.100.9", "at the edge a caller's X-Forwarded-For is its own invention");
        (await ForwardedForAsync(behindBalancer, "10.1.2.3", "203.0.113.1")).Should().Be("203.0.113.1", "the trusted balancer says whom it forwards");
        (await ForwardedForAsync(behindBalancer, "198.51.100.9", "203.0.113.1")).Should().Be("198.51.100.9", "anyone else is not believed");
    }
}
