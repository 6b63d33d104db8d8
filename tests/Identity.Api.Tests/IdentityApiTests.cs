using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Duende.IdentityModel.Client;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Contracts.Identity;
using Platform.Testing;

namespace Identity.Api.Tests;

public sealed class IdentityApiTests(IdentityApi api) : IClassFixture<IdentityApi>
{
    private readonly HttpClient _client = api.CreateClient();

    private static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    private async Task<JsonObject> Register(string? email = null, string? referrerId = null)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/register", new JsonObject
        {
            ["email"] = email ?? NewEmail(),
            ["password"] = "correct horse",
            ["name"] = "Ann",
            ["country"] = "in",
            ["referrer_id"] = referrerId,
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<TokenResponse> Token(string clientId, string clientSecret, ClientCredentialStyle style = ClientCredentialStyle.AuthorizationHeader) =>
        await _client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/api/v1/auth/token",
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientCredentialStyle = style,
        });

    [Fact]
    public async Task A_user_registers_gets_a_token_and_reads_their_profile()
    {
        var email = NewEmail();
        var registered = await Register(email);

        var token = await Token(registered["client_id"]!.GetValue<string>(), registered["client_secret"]!.GetValue<string>());
        var viaBody = await Token(registered["client_id"]!.GetValue<string>(), registered["client_secret"]!.GetValue<string>(), ClientCredentialStyle.PostBody);
        viaBody.IsError.Should().BeFalse(viaBody.Error);
        token.IsError.Should().BeFalse(token.Error);
        token.TokenType.Should().Be("Bearer");
        token.ExpiresIn.Should().BeInRange(60, 3600);

        var jwt = new JsonWebToken(token.AccessToken);
        jwt.Subject.Should().Be(registered["user_id"]!.GetValue<string>());
        jwt.Issuer.Should().Be("platform-identity");
        jwt.Audiences.Should().Contain("platform-api");
        jwt.Alg.Should().Be("RS256");

        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var me = (await _client.GetFromJsonAsync<JsonObject>("/api/v1/users/me"))!;
        me["user_id"]!.GetValue<string>().Should().Be(registered["user_id"]!.GetValue<string>());
        me["email"]!.GetValue<string>().Should().Be(email);
        me["country"]!.GetValue<string>().Should().Be("IN");
        me.ContainsKey("referrer_id").Should().BeTrue();
        me.ContainsKey("rating").Should().BeTrue();
    }

    [Fact]
    public async Task Registering_publishes_UserRegistered()
    {
        var registered = await Register();
        var userId = registered["user_id"]!.GetValue<string>();

        var harness = api.Services.GetRequiredService<ITestHarness>();
        await Eventually.HoldsAsync(() => harness.Published.Select<UserRegistered>(m => m.Context.Message.UserId == userId).Any(), "Identity published UserRegistered");
    }

    [Fact]
    public async Task An_email_is_unique_regardless_of_case()
    {
        var email = NewEmail();
        await Register(email);

        var again = await _client.PostAsJsonAsync("/api/v1/auth/register", new { email = email.ToUpperInvariant(), password = "correct horse", name = "B", country = "US" });

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("Email already registered");
    }

    [Fact]
    public async Task Racing_sign_ups_with_one_email_create_exactly_one_account()
    {
        var email = NewEmail();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => api.CreateClient().PostAsJsonAsync("/api/v1/auth/register",
            new { email, password = "correct horse", name = "Racer", country = "US" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(9);
    }

    [Fact]
    public async Task A_referrer_must_exist()
    {
        var referrer = await Register();

        var referred = await Register(referrerId: referrer["user_id"]!.GetValue<string>());
        var unknown = await _client.PostAsJsonAsync("/api/v1/auth/register", new { email = NewEmail(), password = "correct horse", name = "C", country = "US", referrer_id = "0123456789abcdef01234567" });

        referred["user_id"].Should().NotBeNull();
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("referrer_id does not exist");
    }

    [Theory]
    [InlineData("{\"password\":\"correct horse\",\"name\":\"A\",\"country\":\"US\"}", "email is required")]
    [InlineData("{\"email\":\"nobody\",\"password\":\"correct horse\",\"name\":\"A\",\"country\":\"US\"}", "email is not a valid email address")]
    [InlineData("{\"email\":\"john doe@example.com\",\"password\":\"correct horse\",\"name\":\"A\",\"country\":\"US\"}", "email is not a valid email address")]
    [InlineData("{\"email\":\"Ann <ann@example.com>\",\"password\":\"correct horse\",\"name\":\"A\",\"country\":\"US\"}", "email is not a valid email address")]
    [InlineData("{\"email\":\"a@b.co\",\"password\":\"short\",\"name\":\"A\",\"country\":\"US\"}", "password must be at least 8 characters")]
    [InlineData("{\"email\":\"a@b.co\",\"password\":\"correct horse\",\"name\":\"A\",\"country\":\"XX\"}", "country must be an ISO 3166 alpha-2 code")]
    [InlineData("{\"email\":\"a@b.co\",\"password\":\"correct horse\",\"name\":\"A\",\"country\":\"USA\"}", "country must be an ISO 3166 alpha-2 code")]
    [InlineData("{\"email\":\"a@b.co\",\"password\":\"correct horse\",\"country\":\"US\"}", "name is required")]
    [InlineData("{\"email\":7,\"password\":\"correct horse\",\"name\":\"A\",\"country\":\"US\"}", "email must be a string")]
    [InlineData("{\"email\":\"a@b.co\",\"password\":12345678,\"name\":\"A\",\"country\":\"US\"}", "password must be a string")]
    [InlineData("{\"email\":\"a@b.co\",\"password\":\"correct horse\",\"name\":\"A\",\"country\":\"US\",\"referrer_id\":\"nope\"}", "referrer_id does not exist")]
    [InlineData("[]", "The request body must be a JSON object.")]
    public async Task Bad_sign_ups_are_a_400_naming_the_problem(string body, string message)
    {
        var response = await _client.PostAsync("/api/v1/auth/register", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray().Select(e => e!.GetValue<string>());
        errors.Should().Contain(message);
    }

    [Fact]
    public async Task A_wrong_secret_or_unknown_client_is_invalid_client()
    {
        var registered = await Register();

        var wrongSecret = await Token(registered["client_id"]!.GetValue<string>(), "not-the-secret", ClientCredentialStyle.PostBody);
        var unknownClient = await Token("cl_unknown", "whatever", ClientCredentialStyle.PostBody);

        foreach (var response in new[] { wrongSecret, unknownClient })
        {
            response.HttpStatusCode.Should().Be(HttpStatusCode.BadRequest, "credentials in the body get a 400 (RFC 6749 5.2)");
            response.Error.Should().Be("invalid_client");
        }
    }

    [Fact]
    public async Task A_wrong_secret_in_http_basic_is_a_401_with_a_challenge()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("cl_x:wrong")));

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Basic");
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("invalid_client");
    }

    [Fact]
    public async Task Other_grant_types_are_unsupported_grant_type()
    {
        var response = await _client.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = "a", ["password"] = "b" }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("unsupported_grant_type");
    }

    [Fact]
    public async Task A_token_request_that_is_not_form_encoded_or_lacks_the_grant_is_invalid_request()
    {
        var json = await _client.PostAsJsonAsync("/api/v1/auth/token", new { grant_type = "client_credentials" });
        var empty = await _client.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>()));

        foreach (var response in new[] { json, empty })
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("invalid_request");
        }
    }

    [Fact]
    public async Task Client_credentials_in_http_basic_work_too()
    {
        var registered = await Register();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{registered["client_id"]}:{registered["client_secret"]}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);

        var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_response_is_never_cached()
    {
        var registered = await Register();
        var response = await _client.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = registered["client_id"]!.GetValue<string>(),
            ["client_secret"] = registered["client_secret"]!.GetValue<string>(),
        }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.Pragma.Should().ContainSingle(p => p.Name == "no-cache");
    }

    [Fact]
    public async Task The_profile_needs_a_valid_token_from_this_identity()
    {
        var anonymous = await api.CreateClient().GetAsync("/api/v1/users/me");
        var foreign = await api.ClientWithToken(api.Tokens.For("0123456789abcdef01234567")).GetAsync("/api/v1/users/me");
        var garbage = await api.ClientWithToken("not.a.jwt").GetAsync("/api/v1/users/me");

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        foreign.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a token signed with another key is not ours");
        garbage.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_signing_key_is_published_as_a_jwks()
    {
        var discovery = (await _client.GetFromJsonAsync<JsonObject>("/.well-known/openid-configuration"))!;
        var jwks = (await _client.GetFromJsonAsync<JsonObject>(new Uri(discovery["jwks_uri"]!.GetValue<string>()).PathAndQuery))!;

        discovery["issuer"]!.GetValue<string>().Should().Be("platform-identity");
        var key = jwks["keys"]![0]!;
        key["kty"]!.GetValue<string>().Should().Be("RSA");
        key.AsObject().ContainsKey("d").Should().BeFalse("the private part never leaves Identity");
    }

    [Fact]
    public async Task The_client_secret_is_not_stored_in_clear()
    {
        var registered = await Register();
        var secret = registered["client_secret"]!.GetValue<string>();

        var bytes = await File.ReadAllBytesAsync(Path.Combine(api.DataDirectory, "identity.db"));
        Encoding.UTF8.GetString(bytes).Should().NotContain(secret);
    }
}
