using Identity.Application.Ports;
using Identity.Domain.Users;
using Platform.Application.Events;
using Platform.Domain;
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

    /// <summary>A versioned write of the user's document, read again when another write (a verdict's count) came first.</summary>
    public async Task<bool> ReplaceClientSecretAsync(string userId, string clientId, string secretHash, DateTime now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var stored = await _users.GetAsync(userId, cancellationToken);
            var client = stored?.Clients.FirstOrDefault(c => c.ClientId == clientId);
            if (stored is null || client is null) return false;
            client.SecretHash = secretHash;
            client.IssuedAt = now;
            if (await _users.TryReplaceAsync(stored, null, cancellationToken)) return true;
        }
        throw new InvalidOperationException($"User {userId} kept changing while their client's secret was replaced.");
    }

    public async Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken) =>
        await _users.CountAsync(Filter.Eq(nameof(Document.Id), userId), cancellationToken) > 0;

    public Task<bool> TryAddAsync(User user, CancellationToken cancellationToken) =>
        _users.TryInsertAsync(ToDocument(user), OutboxMessages.From(events.TakeFrom(user)), cancellationToken);

    /// <summary>Counts a verdict in one atomic write (no read-modify-write, so concurrent verdicts all count); false when the user is unknown.</summary>
    public async Task<bool> CountVerdictAsync(string userId, bool confirmed, string operation, CancellationToken cancellationToken) =>
        await _users.IncrementOnceAsync(userId, operation, new Dictionary<string, long>
        {
            [nameof(UserDocument.ReviewedTasks)] = 1,
            [nameof(UserDocument.ConfirmedTasks)] = confirmed ? 1 : 0,
        }, cancellationToken) != IncrementOnceOutcome.Missing;

    private static UserDocument ToDocument(User user) => new()
    {
        Id = user.Id,
        Email = user.Email,
        Name = user.Name,
        Country = user.Country,
        PasswordHash = user.PasswordHash,
        ReferrerId = user.ReferrerId,
        ReviewedTasks = user.Rating.Reviewed,
        ConfirmedTasks = user.Rating.Confirmed,
        RegisteredAt = user.RegisteredAt,
        Clients = user.Clients.Select(c => new ApiClientDocument { ClientId = c.ClientId, SecretHash = c.SecretHash, IssuedAt = c.IssuedAt }).ToList(),
    };

    private static User? ToDomain(UserDocument? d) => d is null
        ? null
        : User.Restore(d.Id, d.Email, d.Name, d.Country, d.PasswordHash, d.ReferrerId, new WorkerRating((int)d.ReviewedTasks, (int)d.ConfirmedTasks), d.RegisteredAt,
            d.Clients.Select(c => new ApiClient(c.ClientId, c.SecretHash, c.IssuedAt)));
}
