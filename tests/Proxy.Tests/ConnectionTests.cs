using Proxy.Application.Events;
using Proxy.Domain.Connections;
using Platform.Contracts.Proxy;

namespace Proxy.Tests;

/// <summary>A connection's changes, each announced with what the proxy nodes need, once.</summary>
public sealed class ConnectionTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    private static ProxyConnection New(string? name = "client-A")
    {
        var connection = ProxyConnection.Create(Guid.NewGuid().ToString(), "owner", name, "device-1", "protected", "hash-1", Now);
        connection.TakeDomainEvents();
        return connection;
    }

    private static ConnectionChanged LastEvent(ProxyConnection c) =>
        new ProxyIntegrationEvents().Map(c.DomainEvents[^1]).Single().Should().BeOfType<ConnectionChanged>().Subject;

    [Fact]
    public void A_new_connection_is_announced_with_its_device_and_password_hash_only()
    {
        var connection = ProxyConnection.Create("c1", "owner", "  client-A ", "device-1", "protected", "hash-1", Now);

        connection.Name.Should().Be("client-A");
        var created = LastEvent(connection);
        created.Should().BeEquivalentTo(new { ConnectionId = "c1", DeviceId = "device-1", PasswordHash = "hash-1", Change = "created", Deleted = false, Revision = 1L });
        FluentActions.Invoking(() => ProxyConnection.Create("c2", "owner", new string('n', 101), "d", "p", "h", Now)).Should().Throw<ConnectionRuleException>();
    }

    [Fact]
    public void Each_change_says_what_changed_and_a_change_to_the_same_state_says_nothing()
    {
        var connection = New();

        connection.RouteThrough("device-1");
        connection.DomainEvents.Should().BeEmpty("it is routed there already");
        connection.RouteThrough("device-2");
        LastEvent(connection).Change.Should().Be("device-swapped");
        connection.RotatePassword("protected-2", "hash-2");
        LastEvent(connection).PasswordHash.Should().Be("hash-2");
        connection.Block(["example.com"]);
        LastEvent(connection).BlockedDomains.Should().Equal("example.com");
        connection.Disassociate();
        LastEvent(connection).Should().BeEquivalentTo(new { DeviceId = (string?)null, Change = "device-removed" });
        connection.Disassociate();
        connection.Delete();
        LastEvent(connection).Should().BeEquivalentTo(new { Change = "deleted", Deleted = true });
        connection.DomainEvents.Should().HaveCount(5);
    }
}
