using Platform.Application.Events;
using Platform.Persistence;
using Platform.Persistence.Outbox;
using Proxy.Application.Ports;
using Proxy.Domain.Blacklists;

namespace Proxy.Infrastructure.Persistence;

public sealed class BlacklistDocument : Document
{
    public List<string> Domains { get; set; } = [];
}

/// <summary>The global and per-device blacklists, one document each ("global", "device:{id}"), each write with its events.</summary>
public sealed class BlacklistRepository(IDocumentStore store, IIntegrationEventMap events) : IBlacklistRepository
{
    public const string CollectionName = "blacklists";
    private readonly IDocumentCollection<BlacklistDocument> _lists = store.Collection<BlacklistDocument>(CollectionName);

    public async Task<Blacklist> GetAsync(string id, CancellationToken cancellationToken) =>
        await _lists.GetAsync(id, cancellationToken) is { } d ? Blacklist.Restore(d.Id, d.Domains, d.Version) : Blacklist.Empty(id);

    public async Task<IReadOnlyList<Blacklist>> ListAllAsync(CancellationToken cancellationToken) =>
        (await _lists.ListAsync(Filter.All, null, int.MaxValue, cancellationToken)).Select(d => Blacklist.Restore(d.Id, d.Domains, d.Version)).ToList();

    public async Task<bool> TrySaveAsync(Blacklist blacklist, CancellationToken cancellationToken)
    {
        var document = new BlacklistDocument { Id = blacklist.Id, Version = blacklist.Version, Domains = [.. blacklist.Domains.Names] };
        var outbox = OutboxMessages.From(events.TakeFrom(blacklist));
        var saved = blacklist.Version == 0
            ? await _lists.TryInsertAsync(document, outbox, cancellationToken)
            : await _lists.TryReplaceAsync(document, outbox, cancellationToken);
        if (saved) blacklist.MarkStored(document.Version);
        return saved;
    }
}
