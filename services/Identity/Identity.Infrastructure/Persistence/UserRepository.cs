using Identity.Application.Ports;
using Identity.Domain.Users;
using Platform.Application.Events;
using Platform.Persistence;
using Platform.Persistence.Outbox;

namespace Identity.Infrastructure.Persistence;

/// <summary>Users, with their API clients embedded, so a sign-up and its UserRegistered event are one write.</summary>
public sealed class UserRepository(IDocumentStore store, IIntegrationEventMap events) : IUserRepository
{
    public const string CollectionName = "users";
    private readonly IDocumentCollection<UserDocument> _users = store.Collection<UserDocument>(CollectionName);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var users = store.Collection<UserDocument>(CollectionName);
        await users.EnsureIndexAsync(new IndexDefinition(nameof(UserDocument.Email), Unique: true, CaseInsensitive: true), cancellationToken);
        await users.EnsureIndexAsync(new IndexDefinition($"{nameof(UserDocument.Clients)}[*].{nameof(ApiClientDocument.ClientId)}"), cancellationToken);
    }

    public async Task<User?> GetAsync(string userId, CancellationToken cancellationToken) =>
        ToDomain(await _users.GetAsync(userId, cancellationToken));

    public async Task<User?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken) =>
        ToDomain(await _users.FindOneAsync(Filter.AnyMatch(nameof(UserDocument.Clients), nameof(ApiClientDocument.ClientId), clientId), cancellationToken));

    public async Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken) =>
        await _users.CountAsync(Filter.Eq(nameof(Document.Id), userId), cancellationToken) > 0;

    public async Task<bool> TryAddAsync(User user, CancellationToken cancellationToken)
    {
        try
        {
            await _users.InsertAsync(ToDocument(user), OutboxMessages.From(events.TakeFrom(user)), cancellationToken);
            return true;
        }
        catch (DuplicateKeyException)
        {
            return false;
        }
    }

    private static UserDocument ToDocument(User user) => new()
    {
        Id = user.Id,
        Email = user.Email,
        Name = user.Name,
        Country = user.Country,
        PasswordHash = user.PasswordHash,
        ReferrerId = user.ReferrerId,
        Rating = user.Rating,
        RegisteredAt = user.RegisteredAt,
        Clients = user.Clients.Select(c => new ApiClientDocument { ClientId = c.ClientId, SecretHash = c.SecretHash, IssuedAt = c.IssuedAt }).ToList(),
    };

    private static User? ToDomain(UserDocument? d) => d is null
        ? null
        : User.Restore(d.Id, d.Email, d.Name, d.Country, d.PasswordHash, d.ReferrerId, d.Rating, d.RegisteredAt,
            d.Clients.Select(c => new ApiClient(c.ClientId, c.SecretHash, c.IssuedAt)));
}
