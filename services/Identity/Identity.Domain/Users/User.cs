using Platform.Domain;

namespace Identity.Domain.Users;

/// <summary>
/// A person with an account. Email is unique regardless of case; the password is kept only as a hash. Registering
/// records <see cref="UserRegisteredDomainEvent"/>.
/// </summary>
public sealed class User : AggregateRoot
{
    private readonly List<ApiClient> _clients = [];

    private User(string id, string email, string name, string country, string passwordHash, string? referrerId, WorkerRating rating, DateTime registeredAt)
    {
        Id = id;
        Email = email;
        Name = name;
        Country = country;
        PasswordHash = passwordHash;
        ReferrerId = referrerId;
        Rating = rating;
        RegisteredAt = registeredAt;
    }

    public string Id { get; }
    public string Email { get; }
    public string Name { get; }
    public string Country { get; }
    public string PasswordHash { get; }
    public string? ReferrerId { get; }
    /// <summary>The worker rating their reviewed tasks earned (kept from the Tasks service's events).</summary>
    public WorkerRating Rating { get; }
    public DateTime RegisteredAt { get; }
    public IReadOnlyList<ApiClient> Clients => _clients;

    public static User Register(string id, string email, string name, string country, string passwordHash, string? referrerId, DateTime now)
    {
        if (referrerId == id) throw new UserRuleException("A user can't refer themselves");
        var user = new User(id, email.Trim(), name.Trim(), country.ToUpperInvariant(), passwordHash, referrerId, WorkerRating.New, now);
        user.Raise(new UserRegisteredDomainEvent(user));
        return user;
    }

    /// <summary>Rebuilds a stored user; no rules run.</summary>
    public static User Restore(string id, string email, string name, string country, string passwordHash, string? referrerId,
        WorkerRating rating, DateTime registeredAt, IEnumerable<ApiClient> clients)
    {
        var user = new User(id, email, name, country, passwordHash, referrerId, rating, registeredAt);
        user._clients.AddRange(clients);
        return user;
    }

    public ApiClient IssueClient(string clientId, string secretHash, DateTime now)
    {
        var client = new ApiClient(clientId, secretHash, now);
        _clients.Add(client);
        return client;
    }
}

/// <summary>An OAuth 2.0 client of a user (client credentials grant). Its secret is shown once, at issue, and kept hashed.</summary>
public sealed record ApiClient(string ClientId, string SecretHash, DateTime IssuedAt);

/// <summary>A user signed up.</summary>
public sealed record UserRegisteredDomainEvent(User User) : IDomainEvent;

/// <summary>A user rule was broken; the message names the rule.</summary>
public sealed class UserRuleException(string message) : DomainRuleException(message);
