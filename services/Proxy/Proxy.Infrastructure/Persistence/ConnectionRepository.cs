using Platform.Application.Events;
using Platform.Persistence;
using Platform.Persistence.Outbox;
using Proxy.Application.Ports;
using Proxy.Domain.Connections;

namespace Proxy.Infrastructure.Persistence;

public sealed class ConnectionDocument : Document
{
    public string OwnerUserId { get; set; } = string.Empty;
    public string? Name { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? DeviceId { get; set; }
    public string ProtectedPassword { get; set; } = string.Empty;
    public string PasswordHash { get; set; } = string.Empty;
    public List<string> Blacklist { get; set; } = [];
    /// <summary>Deleted: kept only until its event is out (the outbox reads it from here), never read as a connection.</summary>
    public bool Deleted { get; set; }
}

/// <summary>Connections in their documents; each write carries the events the connection recorded.</summary>
public sealed class ConnectionRepository(IDocumentStore store, IIntegrationEventMap events) : IConnectionRepository
{
    public const string CollectionName = "connections";
    private readonly IDocumentCollection<ConnectionDocument> _connections = store.Collection<ConnectionDocument>(CollectionName);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var connections = store.Collection<ConnectionDocument>(CollectionName);
        await connections.EnsureIndexAsync(new IndexDefinition(nameof(ConnectionDocument.OwnerUserId)), cancellationToken);
        await connections.EnsureIndexAsync(new IndexDefinition(nameof(ConnectionDocument.DeviceId)), cancellationToken);
    }

    public async Task<ProxyConnection?> GetAsync(string connectionId, CancellationToken cancellationToken) =>
        ToDomain(await _connections.GetAsync(connectionId, cancellationToken));

    public async Task AddAsync(ProxyConnection connection, CancellationToken cancellationToken)
    {
        var document = ToDocument(connection);
        await _connections.InsertAsync(document, OutboxMessages.From(events.TakeFrom(connection)), cancellationToken);
        connection.MarkStored(document.Version);
    }

    public async Task<bool> TrySaveAsync(ProxyConnection connection, CancellationToken cancellationToken)
    {
        var document = ToDocument(connection);
        if (!await _connections.TryReplaceAsync(document, OutboxMessages.From(events.TakeFrom(connection)), cancellationToken)) return false;
        connection.MarkStored(document.Version);
        return true;
    }

    public async Task<IReadOnlyList<ProxyConnection>> ListForAsync(string userId, IReadOnlyCollection<string> deviceIds, CancellationToken cancellationToken)
    {
        var mine = Filter.Eq(nameof(ConnectionDocument.OwnerUserId), userId);
        var filter = deviceIds.Count == 0 ? mine : Filter.Or(mine, Filter.In(nameof(ConnectionDocument.DeviceId), deviceIds.Cast<object>()));
        var found = await _connections.ListAsync(filter, new SortBy(nameof(ConnectionDocument.CreatedAt), Descending: false), 10_000, cancellationToken);
        return found.Select(ToDomain).OfType<ProxyConnection>().ToList();
    }

    public async Task<ConnectionPage> ListPageAsync(string? after, int limit, CancellationToken cancellationToken)
    {
        // Keyset paging on the id: from the last id seen (inclusive, dropped below), so a page costs the same wherever it starts.
        var filter = after is null ? Filter.All : Filter.Gte(nameof(Document.Id), after);
        var found = await _connections.ListAsync(filter, new SortBy(nameof(Document.Id), Descending: false), limit + 2, cancellationToken);
        var page = found.Where(d => d.Id != after).ToList();
        var taken = page.Take(limit).ToList();
        return new ConnectionPage(taken.Select(ToDomain).OfType<ProxyConnection>().ToList(), page.Count > limit ? taken[^1].Id : null);
    }

    private static ConnectionDocument ToDocument(ProxyConnection c) => new()
    {
        Id = c.Id,
        Version = c.Version,
        OwnerUserId = c.OwnerUserId,
        Name = c.Name,
        CreatedAt = c.CreatedAt,
        DeviceId = c.DeviceId,
        ProtectedPassword = c.ProtectedPassword,
        PasswordHash = c.PasswordHash,
        Blacklist = [.. c.Blacklist.Names],
        Deleted = c.IsDeleted,
    };

    private static ProxyConnection? ToDomain(ConnectionDocument? d) => d is null || d.Deleted
        ? null
        : ProxyConnection.Restore(d.Id, d.OwnerUserId, d.Name, d.CreatedAt, d.DeviceId, d.ProtectedPassword, d.PasswordHash, d.Blacklist, d.Version);
}
