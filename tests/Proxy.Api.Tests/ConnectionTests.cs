using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Proxy;
using Platform.Persistence;
using Platform.Testing;
using Proxy.Application.Connections;
using Proxy.Domain.Connections;
using Proxy.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Proxy.Api.Tests;

/// <summary>Routes 23–28: proxy credentials on the caller's devices, who may act on them, and what the nodes hear of each change.</summary>
public sealed class ConnectionTests(ProxyApi api) : IClassFixture<ProxyApi>
{
    private readonly string _ownerId = Platform.Application.Ids.ObjectIds.New();
    private HttpClient Owner => api.ClientFor(_ownerId);

    private async Task<JsonObject> CreateAsync(string deviceId, string? name = "client-A", HttpClient? caller = null)
    {
        var response = await (caller ?? Owner).PostAsJsonAsync("/api/v1/proxy/connections", new JsonObject { ["device_id"] = deviceId, ["name"] = name });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["success"]!.GetValue<bool>().Should().BeTrue();
        return body["connection"]!.AsObject();
    }

    private static async Task<JsonArray> ListAsync(HttpClient caller) =>
        (await caller.GetFromJsonAsync<JsonObject>("/api/v1/proxy/connections"))!["connections"]!.AsArray();

    private static async Task<string> ErrorOf(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>();

    [Fact]
    public async Task A_connection_on_an_owned_device_has_a_uuid_and_a_16_character_password_and_the_nodes_get_only_its_hash()
    {
        var deviceId = await api.DeviceOfAsync(_ownerId);

        var connection = await CreateAsync(deviceId);

        var id = connection["connectionId"]!.GetValue<string>();
        Guid.TryParse(id, out _).Should().BeTrue();
        var password = connection["password"]!.GetValue<string>();
        password.Should().HaveLength(16).And.MatchRegex("^[A-Za-z0-9]{16}$");
        connection["ownerUserId"]!.GetValue<string>().Should().Be(_ownerId);
        connection["name"]!.GetValue<string>().Should().Be("client-A");
        connection["deviceId"]!.GetValue<string>().Should().Be(deviceId);
        (await ListAsync(Owner)).Should().ContainSingle().Which!["password"]!.GetValue<string>().Should().Be(password, "the owner sees it again");
        var changed = await api.PublishedAsync<ConnectionChanged>(e => e.ConnectionId == id);
        changed.PasswordHash.Should().Be(ConnectionPassword.HashOf(password)).And.NotContain(password);
        changed.DeviceId.Should().Be(deviceId);
        var stored = await api.Services.GetRequiredService<IDocumentStore>().Collection<ConnectionDocument>(ConnectionRepository.CollectionName).GetAsync(id);
        stored!.ProtectedPassword.Should().NotContain(password, "the password is encrypted at rest");
    }

    [Fact]
    public async Task A_connection_on_a_device_that_is_not_the_callers_is_a_404_and_bad_bodies_are_400s()
    {
        var others = await api.DeviceOfAsync(Platform.Application.Ids.ObjectIds.New());
        var mine = await api.DeviceOfAsync(_ownerId);

        var onOthers = await Owner.PostAsJsonAsync("/api/v1/proxy/connections", new { device_id = others });
        var unknown = await Owner.PostAsJsonAsync("/api/v1/proxy/connections", new { device_id = Guid.NewGuid().ToString() });
        var missing = await Owner.PostAsJsonAsync("/api/v1/proxy/connections", new { name = "x" });
        var longName = await Owner.PostAsJsonAsync("/api/v1/proxy/connections", new { device_id = mine, name = new string('n', 101) });
        var wrongType = await Owner.PostAsJsonAsync("/api/v1/proxy/connections", new { device_id = 7 });
        var agent = await api.AgentClientFor(_ownerId, mine).PostAsJsonAsync("/api/v1/proxy/connections", new { device_id = mine });

        onOthers.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(missing)).Should().Be("device_id is required");
        longName.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        wrongType.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        agent.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ListAsync(Owner)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_stranger_gets_403s_on_every_route_of_someone_elses_connection_and_a_swap_to_anothers_device_is_a_403()
    {
        var othersDevice = await api.DeviceOfAsync(Platform.Application.Ids.ObjectIds.New());
        var second = await api.DeviceOfAsync(_ownerId);
        var id = (await CreateAsync(second))["connectionId"]!.GetValue<string>();
        var stranger = api.ClientFor(Platform.Application.Ids.ObjectIds.New());

        (await Owner.PutAsJsonAsync($"/api/v1/proxy/connections/{id}/device", new { device_id = othersDevice })).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "the target device is not the caller's");
        (await ListAsync(stranger)).Should().BeEmpty();

        var refusals = new[]
        {
            await stranger.DeleteAsync($"/api/v1/proxy/connections/{id}"),
            await stranger.PostAsync($"/api/v1/proxy/connections/{id}/rotate-password", null),
            await stranger.PutAsJsonAsync($"/api/v1/proxy/connections/{id}/device", new { device_id = second }),
            await stranger.DeleteAsync($"/api/v1/proxy/connections/{id}/device"),
            await stranger.GetAsync($"/api/v1/proxy/connections/{id}/blacklist"),
        };
        refusals.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Forbidden);
        (await ErrorOf(refusals[0])).Should().Be(ConnectionAccess.Forbidden);
        (await stranger.DeleteAsync($"/api/v1/proxy/connections/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var malformed = new[]
        {
            await Owner.DeleteAsync("/api/v1/proxy/connections/not-an-id"),
            await Owner.PostAsync("/api/v1/proxy/connections/not-an-id/rotate-password", null),
            await Owner.PutAsJsonAsync("/api/v1/proxy/connections/not-an-id/device", new { device_id = second }),
            await Owner.DeleteAsync("/api/v1/proxy/connections/not-an-id/device"),
            await Owner.GetAsync("/api/v1/proxy/connections/not-an-id/blacklist"),
            await Owner.PostAsJsonAsync("/api/v1/proxy/connections/not-an-id/blacklist", new { domains = new[] { "x.com" } }),
        };
        malformed.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.NotFound, "a connection id that is no UUID names no connection");
        (await ListAsync(Owner)).Should().ContainSingle("nothing the stranger tried changed it");
    }

    [Fact]
    public async Task Rotating_keeps_the_id_and_gives_a_new_password_and_hash()
    {
        var deviceId = await api.DeviceOfAsync(_ownerId);
        var connection = await CreateAsync(deviceId);
        var id = connection["connectionId"]!.GetValue<string>();

        var rotated = await Owner.PostAsync($"/api/v1/proxy/connections/{id}/rotate-password", null);

        rotated.StatusCode.Should().Be(HttpStatusCode.OK);
        var password = (await rotated.Content.ReadFromJsonAsync<JsonObject>())!["password"]!.GetValue<string>();
        password.Should().HaveLength(16).And.NotBe(connection["password"]!.GetValue<string>());
        (await ListAsync(Owner)).Single()!["password"]!.GetValue<string>().Should().Be(password);
        (await api.PublishedAsync<ConnectionChanged>(e => e.ConnectionId == id && e.Change == "password-rotated")).PasswordHash
            .Should().Be(ConnectionPassword.HashOf(password));
    }

    [Fact]
    public async Task A_hot_swap_moves_the_connection_to_another_owned_device_and_disassociating_leaves_it_listed_without_one()
    {
        var first = await api.DeviceOfAsync(_ownerId);
        var second = await api.DeviceOfAsync(_ownerId);
        var id = (await CreateAsync(first))["connectionId"]!.GetValue<string>();

        var swapped = await Owner.PutAsJsonAsync($"/api/v1/proxy/connections/{id}/device", new { device_id = second.ToUpperInvariant() });
        var unknownTarget = await Owner.PutAsJsonAsync($"/api/v1/proxy/connections/{id}/device", new { device_id = Guid.NewGuid().ToString() });
        var noTarget = await Owner.PutAsJsonAsync($"/api/v1/proxy/connections/{id}/device", new { });

        swapped.StatusCode.Should().Be(HttpStatusCode.OK, await swapped.Content.ReadAsStringAsync());
        (await swapped.Content.ReadFromJsonAsync<JsonObject>())!["connection"]!["deviceId"]!.GetValue<string>().Should().Be(second);
        (await api.PublishedAsync<ConnectionChanged>(e => e.ConnectionId == id && e.Change == "device-swapped")).DeviceId.Should().Be(second);
        unknownTarget.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        noTarget.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var removed = await Owner.DeleteAsync($"/api/v1/proxy/connections/{id}/device");

        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ListAsync(Owner)).Single()!["deviceId"].Should().BeNull("it stays listed, with no device");
        (await api.PublishedAsync<ConnectionChanged>(e => e.ConnectionId == id && e.Change == "device-removed")).DeviceId.Should().BeNull();
        (await Owner.PutAsJsonAsync($"/api/v1/proxy/connections/{id}/device", new { device_id = first })).StatusCode
            .Should().Be(HttpStatusCode.OK, "the creator re-associates it");
    }

    [Fact]
    public async Task A_deleted_connection_is_gone_and_the_nodes_hear_it()
    {
        var deviceId = await api.DeviceOfAsync(_ownerId);
        var id = (await CreateAsync(deviceId))["connectionId"]!.GetValue<string>();

        var deleted = await Owner.DeleteAsync($"/api/v1/proxy/connections/{id}");

        deleted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ListAsync(Owner)).Should().BeEmpty();
        (await Owner.DeleteAsync($"/api/v1/proxy/connections/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Owner.GetAsync($"/api/v1/proxy/connections/{id}/blacklist")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.PublishedAsync<ConnectionChanged>(e => e.ConnectionId == id && e.Deleted)).Change.Should().Be("deleted");
    }
}
