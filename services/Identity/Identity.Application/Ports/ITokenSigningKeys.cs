namespace Identity.Application.Ports;

/// <summary>The public half of a token signing key, as a JSON Web Key (RFC 7517) describes an RSA key.</summary>
public sealed record PublicSigningKey(string KeyType, string Use, string KeyId, string Algorithm, string Modulus, string Exponent);

/// <summary>Who signs the platform's tokens and with which keys: what validators need to check a token.</summary>
public interface ITokenSigningKeys
{
    string Issuer { get; }
    IReadOnlyList<PublicSigningKey> PublicKeys { get; }
}
