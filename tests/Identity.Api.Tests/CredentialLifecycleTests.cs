using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Duende.IdentityModel.Client;
using Platform.Contracts.Devices;

namespace Identity.Api.Tests;

/// <summary>
/// Routes 67-69: an API client rotates its secret (the old one stops at once); a phone's owner rotates or revokes its
/// device secret (the old one, or any, stops at once; the tokens already issued run out within their lifetime); the
/// public keys that verify access tokens are published as JWKS under the auth path too.
/// </summary>
public sealed class CredentialLifecycleTests(IdentityApi api) : IClassFixture<IdentityApi>
{
    private readonly HttpClient _anonymous = api.CreateClient();

    private Task<(string UserId, string ClientId, string Secret)> RegisterAsync() => api.RegisterAsync();

    private Task<TokenResponse> TokenAsync(string clientId, string secret) =>
        _anonymous.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/api/v1/auth/token", ClientId = clientId, ClientSecret = secret, ClientCredentialStyle = ClientCredentialStyle.PostBody,
        });

    private async Task<HttpClient> SignedInAsync(string clientId, string secret)
    {
        var token = await TokenAsync(clientId, secret);
        token.IsError.Should().BeFalse($"the client signs in ({token.ErrorType} {(int)token.HttpStatusCode} {token.Error} {token.Raw} {token.Exception})");
        return With(token.AccessToken!);
    }

    private HttpClient With(string accessToken)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private async Task<string> DeviceOfAsync(string ownerId)
    {
        var device = Guid.NewGuid().ToString();
        var secret = Guid.NewGuid().ToString("N");
        await api.DeliverAsync(new DeviceRegistered(new DeviceSnapshot
        {
            RemoteDeviceId = device, OwnerId = ownerId, Name = "Atomic Mammal", Country = "DE", IsOnMarket = false, PaymentType = "action",
            Automations = [], Online = false, Revision = 1,
        }, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))));
        return device;
    }

    [Fact]
    public async Task An_api_client_rotates_its_secret_and_the_old_one_stops_at_once()
    {
        var (_, clientId, oldSecret) = await RegisterAsync();
        var user = await SignedInAsync(clientId, oldSecret);

        var rotated = await user.PostAsync("/api/v1/auth/secret", null);

        rotated.StatusCode.Should().Be(HttpStatusCode.OK, await rotated.Content.ReadAsStringAsync());
        var body = (await rotated.Content.ReadFromJsonAsync<JsonObject>())!;
        body["client_id"]!.GetValue<string>().Should().Be(clientId);
        var newSecret = body["client_secret"]!.GetValue<string>();
        newSecret.Should().NotBe(oldSecret);
        (await TokenAsync(clientId, oldSecret)).Error.Should().Be("invalid_client", "the old secret stops working at once");
        (await TokenAsync(clientId, newSecret)).IsError.Should().BeFalse();
        (await _anonymous.PostAsync("/api/v1/auth/secret", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_phones_owner_rotates_and_revokes_its_secret_and_nobody_else_can()
    {
        var (ownerId, clientId, secret) = await RegisterAsync();
        var owner = await SignedInAsync(clientId, secret);
        var device = await DeviceOfAsync(ownerId);
        var (_, strangerClient, strangerSecret) = await RegisterAsync();
        var stranger = await SignedInAsync(strangerClient, strangerSecret);

        (await stranger.PostAsync($"/api/v1/devices/{device}/secret", null)).StatusCode.Should().Be(HttpStatusCode.NotFound, "not their phone");
        (await owner.PostAsync($"/api/v1/devices/{Guid.NewGuid()}/secret", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await owner.PostAsync("/api/v1/devices/not-a-device/secret", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var rotated = await owner.PostAsync($"/api/v1/devices/{device}/secret", null);
        rotated.StatusCode.Should().Be(HttpStatusCode.OK, await rotated.Content.ReadAsStringAsync());
        var body = (await rotated.Content.ReadFromJsonAsync<JsonObject>())!;
        body["remote_device_id"]!.GetValue<string>().Should().Be(device);
        var deviceSecret = body["device_secret"]!.GetValue<string>();
        var agentToken = (await TokenAsync(device, deviceSecret)).AccessToken!;

        (await stranger.DeleteAsync($"/api/v1/devices/{device}/secret")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await With(agentToken).DeleteAsync($"/api/v1/devices/{device}/secret")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "an agent can't revoke itself");
        (await owner.DeleteAsync($"/api/v1/devices/{device}/secret")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await TokenAsync(device, deviceSecret)).Error.Should().Be("invalid_client", "a revoked phone can't sign in");

        var again = await owner.PostAsync($"/api/v1/devices/{device}/secret", null);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TokenAsync(device, (await again.Content.ReadFromJsonAsync<JsonObject>())!["device_secret"]!.GetValue<string>())).IsError
            .Should().BeFalse("a new secret brings it back");
    }

    [Fact]
    public async Task The_public_keys_are_published_as_jwks_under_the_auth_path_without_a_token()
    {
        var underAuth = await _anonymous.GetAsync("/api/v1/auth/.well-known/jwks.json");

        underAuth.StatusCode.Should().Be(HttpStatusCode.OK);
        var keys = (await underAuth.Content.ReadFromJsonAsync<JsonObject>())!["keys"]!.AsArray();
        keys.Should().NotBeEmpty();
        keys[0]!["kty"]!.GetValue<string>().Should().Be("RSA");
        keys[0]!.AsObject().ContainsKey("d").Should().BeFalse("only the public half");
        JsonNode.DeepEquals(keys, (await _anonymous.GetFromJsonAsync<JsonObject>("/.well-known/jwks.json"))!["keys"]).Should().BeTrue();
    }
}
