using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;

namespace Gateway.Tests;

public sealed class CachingTokenHandlerTests
{
    private readonly TestTokens _tokens = new();

    private TokenValidationParameters Parameters()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(_tokens.PublicKeyPem);
        return new TokenValidationParameters
        {
            ValidIssuer = TestTokens.Issuer,
            ValidAudience = TestTokens.Audience,
            IssuerSigningKey = new RsaSecurityKey(rsa),
        };
    }

    [Fact]
    public async Task A_valid_token_is_validated_once_and_then_served_from_the_cache()
    {
        var handler = new CachingJsonWebTokenHandler(TimeProvider.System);
        var token = _tokens.For("0123456789abcdef01234567");

        var first = await handler.ValidateTokenAsync(token, Parameters());
        var second = await handler.ValidateTokenAsync(token, Parameters());

        first.IsValid.Should().BeTrue();
        second.Should().BeSameAs(first);
    }

    [Fact]
    public async Task Invalid_tokens_are_never_cached()
    {
        var handler = new CachingJsonWebTokenHandler(TimeProvider.System);
        var forged = _tokens.For("0123456789abcdef01234567", foreignKey: true);
        var expired = _tokens.Expired("0123456789abcdef01234567");

        foreach (var token in new[] { forged, forged, expired, expired })
            (await handler.ValidateTokenAsync(token, Parameters())).IsValid.Should().BeFalse();
    }

    [Fact]
    public async Task A_cached_token_is_dropped_once_it_expires()
    {
        var clock = new ShiftedClock();
        var handler = new CachingJsonWebTokenHandler(clock);
        var token = _tokens.For("0123456789abcdef01234567", lifetime: TimeSpan.FromMinutes(5));
        var first = await handler.ValidateTokenAsync(token, Parameters());

        clock.Shift = TimeSpan.FromMinutes(10);
        var later = await handler.ValidateTokenAsync(token, Parameters());

        later.Should().NotBeSameAs(first, "an expired entry is validated again, not served from the cache");
    }

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }
}
