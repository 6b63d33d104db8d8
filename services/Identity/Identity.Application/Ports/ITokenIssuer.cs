using Identity.Domain.Users;

namespace Identity.Application.Ports;

public sealed record AccessToken(string Token, int ExpiresInSeconds);

/// <summary>Signs access tokens for a user's client.</summary>
public interface ITokenIssuer
{
    AccessToken Issue(User user, string clientId);
}
