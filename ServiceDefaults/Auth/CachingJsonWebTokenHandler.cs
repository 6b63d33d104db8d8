using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Auth;

/// <summary>
/// Remembers tokens it has already validated until they expire, so a caller's every request doesn't pay for an RSA
/// signature check again (the gateway sees each token many times). Failures are never cached; the cache is bounded.
/// </summary>
public sealed class CachingJsonWebTokenHandler(TimeProvider clock) : JsonWebTokenHandler
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, TokenValidationResult> _validated = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_validated.TryGetValue(token, out var cached))
        {
            if (cached.SecurityToken.ValidTo > clock.GetUtcNow().UtcDateTime) return cached;
            _validated.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid)
        {
            if (_validated.Count >= MaxEntries) _validated.Clear();
            _validated[token] = result;
        }
        return result;
    }
}
