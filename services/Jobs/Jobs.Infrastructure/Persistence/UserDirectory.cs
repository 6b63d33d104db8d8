using Jobs.Application.Ports;
using Platform.Persistence;

namespace Jobs.Infrastructure.Persistence;

/// <summary>Jobs' replica of who exists, fed by Identity's UserRegistered.</summary>
public sealed class KnownUserDocument : Document
{
    public string Name { get; set; } = string.Empty;
    public string Country { get; set; } = string.Empty;
}

public sealed class UserDirectory(IDocumentStore store) : IUserDirectory
{
    public const string CollectionName = "known_users";
    private readonly IDocumentCollection<KnownUserDocument> _users = store.Collection<KnownUserDocument>(CollectionName);

    public async Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken) =>
        await _users.GetAsync(userId, cancellationToken) is not null;

    /// <summary>Records the user; one already known stays as it is.</summary>
    public Task AddAsync(string userId, string name, string country, CancellationToken cancellationToken) =>
        _users.TryInsertAsync(new KnownUserDocument { Id = userId, Name = name, Country = country }, cancellationToken: cancellationToken);
}
