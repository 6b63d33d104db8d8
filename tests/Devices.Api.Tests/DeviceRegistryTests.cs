using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Application.Ids;
using Platform.Contracts.Devices;

namespace Devices.Api.Tests;

/// <summary>Routes 48, 20 and 49: an owner registers phones, lists them and sets how they are offered.</summary>
public sealed class DeviceRegistryTests : DevicesApiTest
{
    private Task<HttpResponseMessage> PatchAsync(HttpClient client, string deviceId, JsonObject body) =>
        client.PatchAsJsonAsync($"/api/v1/devices/{deviceId}", body);

    [Fact]
    public async Task Registering_answers_the_id_a_two_word_name_and_a_secret_whose_hash_Identity_hears()
    {
        var response = await Owner.PostAsJsonAsync("/api/v1/devices/register", DevicesApi.Phone(country: "br", phoneNumber: "+5511999998888"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await JsonOf(response);
        var id = body["remote_device_id"]!.GetValue<string>();
        Guid.TryParse(id, out _).Should().BeTrue();
        body["name"]!.GetValue<string>().Should().MatchRegex("^[A-Z][a-z]+ [A-Z][a-z]+$");
        var secret = body["device_secret"]!.GetValue<string>();
        secret.Length.Should().BeGreaterThanOrEqualTo(43);

        var registered = await Api.PublishedAsync<DeviceRegistered>(e => e.Device.RemoteDeviceId == id);
        registered.SecretHash.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
        registered.Device.OwnerId.Should().Be(OwnerId);
        registered.Device.Country.Should().Be("BR");
        registered.Device.Online.Should().BeFalse();
    }

    [Fact]
    public async Task TheOwner_lists_their_devices_in_the_reference_shape_and_nobody_else_sees_them()
    {
        var (id, name, _) = await DevicesApi.RegisterAsync(Owner);

        var list = (await Owner.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!;
        var stranger = (await Api.ClientFor(ObjectIds.New()).GetFromJsonAsync<JsonArray>("/api/v1/devices"))!;

        stranger.Should().BeEmpty();
        var device = list.Should().ContainSingle().Subject!.AsObject();
        device["remote_device_id"]!.GetValue<string>().Should().Be(id);
        device["name"]!.GetValue<string>().Should().Be(name);
        device["added"]!.GetValue<DateTime>().Should().Be(Clock.GetUtcNow().UtcDateTime);
        device["automations"]!.AsArray().Should().BeEmpty();
        device["brand"]!.GetValue<string>().Should().Be("Samsung");
        device["country"]!.GetValue<string>().Should().Be("US");
        device["isEmulator"]!.GetValue<bool>().Should().BeFalse();
        device["model"]!.GetValue<string>().Should().Be("Galaxy S21");
        device["networkType"]!.GetValue<string>().Should().Be("wifi");
        device["numberOfCores"]!.GetValue<int>().Should().Be(8);
        device["online"]!.GetValue<bool>().Should().BeFalse();
        device["processor"]!.GetValue<string>().Should().Be("Snapdragon 888");
        device["ramMb"]!.GetValue<int>().Should().Be(8192);
        device["sdkVersion"]!.GetValue<string>().Should().Be("31");
        device["version"]!.GetValue<string>().Should().Be("12");
        device["is_onMarket"]!.GetValue<bool>().Should().BeFalse();
        device["payment_type"]!.GetValue<string>().Should().Be("action");
        device.ContainsKey("device_secret").Should().BeFalse("the secret is shown once, at registration");
    }

    public static TheoryData<string, object?, string> BadRegistrations => new()
    {
        { "numberOfCores", 0, "numberOfCores must be from 1 to 1024" },
        { "numberOfCores", "8", "numberOfCores must be an integer" },
        { "numberOfCores", 2.5, "numberOfCores must be an integer" },
        { "ramMb", -1, "ramMb must be from 1 to 16777216" },
        { "country", "USA", "country must be an ISO 3166 alpha-2 code" },
        { "networkType", "5g", "networkType must be one of: wifi, cellular, ethernet, vpn, bluetooth" },
        { "isEmulator", "no", "isEmulator must be a boolean" },
        { "brand", null, "brand is required" },
        { "brand", new string('b', 101), "brand must be at most 100 characters" },
        { "phoneNumber", "0123", "phoneNumber must be an E.164 number such as +14155550123" },
        { "sdkVersion", 31, "sdkVersion must be a string" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task A_bad_registration_is_a_400_naming_the_field(string field, object? value, string message)
    {
        var body = DevicesApi.Phone();
        body[field] = value is null ? null : JsonValue.Create(value);

        var response = await Owner.PostAsJsonAsync("/api/v1/devices/register", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonOf(response))["error"]!.GetValue<string>().Should().Be(message);
        (await Owner.GetFromJsonAsync<JsonArray>("/api/v1/devices"))!.Should().BeEmpty();
    }

    [Fact]
    public async Task A_registration_that_is_not_a_json_object_is_a_400()
    {
        var response = await Owner.PostAsync("/api/v1/devices/register", new StringContent("[1]", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_thousand_devices_registered_at_once_all_get_different_names()
    {
        var owners = Enumerable.Range(0, 20).Select(_ => Api.ClientFor(ObjectIds.New())).ToList();

        var registered = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => DevicesApi.RegisterAsync(owners[i % owners.Count])));

        registered.Select(d => d.Name.ToUpperInvariant()).Should().OnlyHaveUniqueItems();
        registered.Select(d => d.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Settings_change_the_market_listing_and_are_announced()
    {
        var (id, _, _) = await DevicesApi.RegisterAsync(Owner);
        var automation = Guid.NewGuid().ToString();

        var response = await PatchAsync(Owner, id, new JsonObject
        {
            ["is_onMarket"] = true, ["payment_type"] = "live", ["hourly_rate"] = 1.5, ["automations"] = new JsonArray(automation),
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var device = await JsonOf(response);
        device["is_onMarket"]!.GetValue<bool>().Should().BeTrue();
        device["payment_type"]!.GetValue<string>().Should().Be("live");
        device["hourly_rate"]!.GetValue<decimal>().Should().Be(1.5m);
        device["automations"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal(automation);
        var changed = await Api.PublishedAsync<DeviceSettingsChanged>(e => e.Device.RemoteDeviceId == id);
        changed.Device.PaymentType.Should().Be("live");
        changed.Device.HourlyRate.Should().Be(1.5m);
        changed.Device.Revision.Should().Be(2);

        // A field left out stays as it was.
        var partial = await JsonOf(await PatchAsync(Owner, id, new JsonObject { ["payment_type"] = "action" }));
        partial["is_onMarket"]!.GetValue<bool>().Should().BeTrue();
        partial["hourly_rate"]!.GetValue<decimal>().Should().Be(1.5m);
        partial["automations"]!.AsArray().Should().HaveCount(1);
    }

    public static TheoryData<string, string> BadSettings => new()
    {
        { """{"name":"Quiet Otter"}""", "name is system-generated and can't be changed" },
        { """{"payment_type":"live"}""", "hourly_rate is required for the live payment type" },
        { """{"payment_type":"hourly"}""", "payment_type must be one of: action, live" },
        { """{"hourly_rate":0}""", "hourly_rate must be greater than 0" },
        { """{"hourly_rate":1.234}""", "hourly_rate must have at most 2 decimals" },
        { """{"is_onMarket":"yes"}""", "is_onMarket must be a boolean" },
        { """{"automations":"all"}""", "automations must be an array of strings" },
        { """{"automations":["not-a-uuid"]}""", "automations: 'not-a-uuid' is not an automation id (a UUID)" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Bad_settings_are_a_400_naming_the_field(string json, string message)
    {
        var (id, _, _) = await DevicesApi.RegisterAsync(Owner);

        var response = await Owner.PatchAsync($"/api/v1/devices/{id}", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonOf(response))["error"]!.GetValue<string>().Should().Be(message);
    }

    [Theory]
    [InlineData("another owner's")]
    [InlineData("unknown")]
    [InlineData("not-a-uuid")]
    public async Task Settings_of_a_device_the_caller_does_not_own_are_a_404(string whose)
    {
        var (id, _, _) = await DevicesApi.RegisterAsync(Api.ClientFor(ObjectIds.New()));
        var target = whose switch { "another owner's" => id, "unknown" => Guid.NewGuid().ToString(), _ => "not-a-uuid" };

        var response = await PatchAsync(Owner, target, new JsonObject { ["is_onMarket"] = true });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await JsonOf(response))["error"]!.GetValue<string>().Should().Be("Device not found");
    }

    [Fact]
    public async Task An_agent_token_is_refused_on_theOwner_routes_with_403()
    {
        var (id, _, _) = await DevicesApi.RegisterAsync(Owner);
        var agent = Api.AgentClientFor(OwnerId, id);

        var responses = new[]
        {
            await agent.GetAsync("/api/v1/devices"),
            await agent.GetAsync("/api/v1/devices/market"),
            await agent.PostAsJsonAsync("/api/v1/devices/register", DevicesApi.Phone()),
            await PatchAsync(agent, id, new JsonObject { ["is_onMarket"] = true }),
        };

        foreach (var response in responses)
        {
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await JsonOf(response))["error"]!.GetValue<string>().Should().StartWith("Agent tokens may only call the device agent routes");
        }
    }
}
