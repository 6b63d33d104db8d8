using Identity.Application.Users;
using Identity.Domain.Users;
using Identity.Infrastructure.Security;

namespace Identity.Tests;

public sealed class CredentialTests
{
    [Fact]
    public void A_password_hash_is_argon2id_salted_and_verifies_only_the_same_password()
    {
        var hasher = new Argon2PasswordHasher();

        var first = hasher.Hash("correct horse");
        var second = hasher.Hash("correct horse");

        first.Should().StartWith("$argon2id$v=19$m=19456,t=2,p=1$");
        first.Should().NotBe(second, "each hash has its own salt");
        hasher.Verify("correct horse", first).Should().BeTrue();
        hasher.Verify("correct horsE", first).Should().BeFalse();
        hasher.Verify("correct horse", "not a hash").Should().BeFalse();
    }

    [Fact]
    public void A_client_secret_is_random_and_checked_against_its_hash()
    {
        var secrets = new ClientSecrets();

        var (clientId, secret, hash) = secrets.Create();
        var (otherId, otherSecret, _) = secrets.Create();

        clientId.Should().StartWith("cl_").And.NotBe(otherId);
        secret.Should().NotBe(otherSecret).And.HaveLength(43);
        hash.Should().NotContain(secret);
        secrets.Verify(secret, hash).Should().BeTrue();
        secrets.Verify(otherSecret, hash).Should().BeFalse();
    }

    [Fact]
    public void The_signing_key_is_created_once_in_the_data_folder_and_reused()
    {
        var folder = Directory.CreateTempSubdirectory("keys-").FullName;
        try
        {
            var first = new SigningKeys(new TokenOptions(), folder);
            var second = new SigningKeys(new TokenOptions(), folder);

            second.PublicJwk.Kid.Should().Be(first.PublicJwk.Kid);
            second.PublicJwk.N.Should().Be(first.PublicJwk.N);
            File.Exists(Path.Combine(folder, "identity-signing-key.pem")).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("a@b.co", "password1", "Ann", "US", true)]
    [InlineData("a@b.co", "short", "Ann", "US", false)]
    [InlineData("not-an-email", "password1", "Ann", "US", false)]
    [InlineData("a@b.co", "password1", "", "US", false)]
    [InlineData("a@b.co", "password1", "Ann", "ZZ", false)]
    [InlineData("a@b.co", "password1", "Ann", "us", true)]
    public void Sign_up_rules(string email, string password, string name, string country, bool valid)
    {
        new RegisterUserValidator().Validate(new RegisterUser(email, password, name, country, null)).IsValid.Should().Be(valid);
    }

    [Fact]
    public void A_user_cannot_refer_themselves()
    {
        var act = () => User.Register("u1", "a@b.co", "Ann", "US", "hash", "u1", DateTime.UtcNow);

        act.Should().Throw<UserRuleException>();
    }
}
