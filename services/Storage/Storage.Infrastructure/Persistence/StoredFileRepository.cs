using Platform.Persistence;
using Storage.Application.Ports;
using Storage.Domain.Files;

namespace Storage.Infrastructure.Persistence;

public sealed class StoredFileRepository(IDocumentStore store) : IStoredFileRepository
{
    public const string CollectionName = "files";
    private readonly IDocumentCollection<StoredFileDocument> _files = store.Collection<StoredFileDocument>(CollectionName);

    /// <summary>The sweep walks files by expiry; a quota's refusal finds a user's first to expire.</summary>
    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var files = store.Collection<StoredFileDocument>(CollectionName);
        await files.EnsureIndexAsync(new IndexDefinition(nameof(StoredFileDocument.ExpiresAt)), cancellationToken);
        await files.EnsureIndexAsync(new IndexDefinition(nameof(StoredFileDocument.OwnerId)), cancellationToken);
    }

    public Task AddAsync(StoredFile file, CancellationToken cancellationToken) => _files.InsertAsync(ToDocument(file), cancellationToken: cancellationToken);

    public async Task<StoredFile?> GetAsync(string name, CancellationToken cancellationToken) =>
        await _files.GetAsync(name, cancellationToken) is { } d ? ToDomain(d) : null;

    public async Task<IReadOnlyList<StoredFile>> FindExpiredAsync(DateTime now, int limit, CancellationToken cancellationToken)
    {
        // Only temporary files expire (a proof file's expiry is null, which the embedded store would sort before any time).
        var expired = Filter.And(Filter.Eq(nameof(StoredFileDocument.Kind), "temporary"), Filter.Lte(nameof(StoredFileDocument.ExpiresAt), now));
        var found = await _files.FindAsync(expired,
            new SortBy(nameof(StoredFileDocument.ExpiresAt), Descending: false), 0, limit, cancellationToken);
        return found.Items.Select(ToDomain).ToList();
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken) => _files.DeleteAsync(name, cancellationToken);

    public async Task<DateTime?> FirstExpiryOfAsync(string ownerId, CancellationToken cancellationToken)
    {
        var first = await _files.ListAsync(Filter.And(Filter.Eq(nameof(StoredFileDocument.OwnerId), ownerId), Filter.Eq(nameof(StoredFileDocument.Kind), "temporary")),
            new SortBy(nameof(StoredFileDocument.ExpiresAt), Descending: false), 1, cancellationToken);
        return first.Count > 0 ? first[0].ExpiresAt : null;
    }

    private static StoredFileDocument ToDocument(StoredFile f) => new()
    {
        Id = f.Name,
        Kind = f.Kind == FileKind.Proof ? "proof" : "temporary",
        OriginalName = f.OriginalName,
        ContentType = f.ContentType,
        Size = f.Size,
        OwnerId = f.OwnerId,
        UploadedAt = f.UploadedAt,
        ExpiresAt = f.ExpiresAt,
    };

    private static StoredFile ToDomain(StoredFileDocument d) => StoredFile.Restore(d.Id, d.Kind == "proof" ? FileKind.Proof : FileKind.Temporary,
        d.OriginalName, d.ContentType, d.Size, d.OwnerId, d.UploadedAt, d.ExpiresAt);
}
