using Identity.Domain.Users;
using Platform.Contracts.Identity;

namespace Identity.Application.Ports;

public interface IUserRepository
{
    Task<User?> GetAsync(string userId, CancellationToken cancellationToken);
    Task<User?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken);
    Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Stores a new user with the event it raises; false when the email is taken (in any case).</summary>
    Task<bool> TryAddAsync(User user, UserRegistered registered, CancellationToken cancellationToken);
}

/// <summary>A slow, salted password hash (a memory-hard KDF).</summary>
public interface IPasswordHasher
{
    string Hash(string password);
    bool Verify(string password, string hash);
}

/// <summary>Creates client ids and secrets and checks secrets against their stored hashes.</summary>
public interface IClientSecrets
{
    (string ClientId, string Secret, string SecretHash) Create();
    bool Verify(string secret, string secretHash);
}

public sealed record AccessToken(string Token, int ExpiresInSeconds);

/// <summary>Signs access tokens for a user's client.</summary>
public interface ITokenIssuer
{
    AccessToken Issue(User user, string clientId);
}
