namespace Identity.Application.Ports;

/// <summary>Creates client ids and secrets and checks secrets against their stored hashes.</summary>
public interface IClientSecrets
{
    (string ClientId, string Secret, string SecretHash) Create();
    bool Verify(string secret, string secretHash);
}
