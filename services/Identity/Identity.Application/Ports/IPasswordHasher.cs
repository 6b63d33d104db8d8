namespace Identity.Application.Ports;

/// <summary>A slow, salted password hash (a memory-hard KDF).</summary>
public interface IPasswordHasher
{
    string Hash(string password);
    bool Verify(string password, string hash);
}
