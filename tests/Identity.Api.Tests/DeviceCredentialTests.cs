using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Duende.IdentityModel.Client;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Contracts.Devices;
using Platform.Testing;

namespace Identity.Api.Tests;

/// <summary>A device Devices registered signs in at the token endpoint with its own credentials and gets an agent token.</summary>
public sealed class DeviceCredentialTests(IdentityApi api) : IClassFixture<IdentityApi>
{
    private readonly HttpClient _client = api.CreateClient();

    private async Task<string> RegisterOwnerAsync() => (await api.RegisterAsync()).UserId;

    private static (string Secret, string Hash) NewSecret()
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (secret, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
    }

    private Task PublishRegisteredAsync(string deviceId, string ownerId, string hash, Guid? messageId = null) =>
        api.Services.GetRequiredService<ITestHarness>().Bus.Publish(new DeviceRegistered(new DeviceSnapshot
        {
            RemoteDeviceId = deviceId, OwnerId = ownerId, Name = "Atomic Mammal", Country = "DE", IsOnMarket = false, PaymentType = "action",
            Automations = [], Online = false, Revision = 1,
        }, hash), c => c.MessageId = messageId ?? NewId.NextGuid());

    private Task<TokenResponse> TokenAsync(string clientId, string secret) =>
        _client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/api/v1/auth/token", ClientId = clientId, ClientSecret = secret, ClientCredentialStyle = ClientCredentialStyle.PostBody,
        });

    private async Task<TokenResponse> TokenWhenIssuedAsync(string clientId, string secret)
    {
        TokenResponse? token = null;
        await Eventually.HoldsAsync(async () => !(token = await TokenAsync(clientId, secret)).IsError, "the device's credentials were issued");
        return token!;
    }

    [Fact]
    public async Task A_registered_device_gets_an_agent_token_acting_for_its_owner_and_carrying_the_device()
    {
        var owner = await RegisterOwnerAsync();
        var device = Guid.NewGuid().ToString();
        var (secret, hash) = NewSecret();

        await PublishRegisteredAsync(device, owner, hash);
        var token = await TokenWhenIssuedAsync(device, secret);

        var jwt = new JsonWebToken(token.AccessToken);
        jwt.Subject.Should().Be(owner);
        jwt.GetClaim("remote_device_id").Value.Should().Be(device);
        jwt.GetClaim("client_id").Value.Should().Be(device);
        jwt.GetClaim("country").Value.Should().Be("DE");
    }

    [Fact]
    public async Task A_wrong_secret_an_unknown_device_and_a_redelivered_registration_with_another_hash_are_refused()
    {
        var owner = await RegisterOwnerAsync();
        var device = Guid.NewGuid().ToString();
        var (secret, hash) = NewSecret();
        var messageId = NewId.NextGuid();
        await PublishRegisteredAsync(device, owner, hash, messageId);
        await TokenWhenIssuedAsync(device, secret);

        (await TokenAsync(device, secret + "x")).Error.Should().Be("invalid_client");
        (await TokenAsync(Guid.NewGuid().ToString(), secret)).Error.Should().Be("invalid_client");

        // The credentials a device got are kept: a second registration event for the same id changes nothing.
        var (otherSecret, otherHash) = NewSecret();
        await PublishRegisteredAsync(device, owner, otherHash);
        var harness = api.Services.GetRequiredService<ITestHarness>();
        await Eventually.HoldsAsync(() => harness.Consumed.Select<DeviceRegistered>(m => m.Context.Message.SecretHash == otherHash).Any(),
            "Identity consumed the second registration");
        (await TokenAsync(device, otherSecret)).Error.Should().Be("invalid_client");
        (await TokenAsync(device, secret)).IsError.Should().BeFalse();
    }

    [Fact]
    public async Task An_agent_token_is_refused_on_a_user_route_with_403()
    {
        var owner = await RegisterOwnerAsync();
        var device = Guid.NewGuid().ToString();
        var (secret, hash) = NewSecret();
        await PublishRegisteredAsync(device, owner, hash);
        var token = await TokenWhenIssuedAsync(device, secret);

        var agent = api.CreateClient();
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var response = await agent.GetAsync("/api/v1/users/me");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().StartWith("Agent tokens may only call");
    }
    [Fact]
    public async Task An_agent_narrows_its_token_to_a_task_through_the_internal_route_and_bad_requests_are_refused()
    {
        var owner = await RegisterOwnerAsync();
        var device = Guid.NewGuid().ToString();
        var (secret, hash) = NewSecret();
        await PublishRegisteredAsync(device, owner, hash);
        var agent = api.CreateClient();
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await TokenWhenIssuedAsync(device, secret)).AccessToken);
        var taskId = Platform.Application.Ids.ObjectIds.New();

        var issued = await agent.PostAsJsonAsync("/internal/agent-tokens", new { job_task_id = taskId });

        issued.StatusCode.Should().Be(HttpStatusCode.OK, await issued.Content.ReadAsStringAsync());
        var jwt = new JsonWebToken((await issued.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>());
        (jwt.Subject, jwt.GetClaim("remote_device_id").Value, jwt.GetClaim("job_task_id").Value).Should().Be((owner, device, taskId));
        (await agent.PostAsJsonAsync("/internal/agent-tokens", new { job_task_id = "not-a-task" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await agent.PostAsJsonAsync("/internal/agent-tokens", new { })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var user = api.CreateClient();
        user.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await OwnerTokenAsync());
        var asUser = await user.PostAsJsonAsync("/internal/agent-tokens", new { job_task_id = taskId });
        asUser.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await asUser.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("Token is not bound to a device");
    }

    private async Task<string> OwnerTokenAsync()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/register", new JsonObject
        {
            ["email"] = $"user-{Guid.NewGuid():N}@example.com", ["password"] = "correct horse", ["name"] = "Uma", ["country"] = "DE",
        });
        var registered = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (await TokenAsync(registered["client_id"]!.GetValue<string>(), registered["client_secret"]!.GetValue<string>())).AccessToken!;
    }
}
