using Identity.Application.Ports;
using Mediator;
using Platform.Application.Results;

namespace Identity.Application.Tokens;

/// <summary>The token issuer and its public signing keys: what the discovery document and the JWKS publish.</summary>
public sealed record GetSigningKeys : IQuery<Result<SigningKeySet>>;

public sealed record SigningKeySet(string Issuer, IReadOnlyList<PublicSigningKey> Keys);

public sealed class GetSigningKeysHandler(ITokenSigningKeys keys) : IQueryHandler<GetSigningKeys, Result<SigningKeySet>>
{
    public ValueTask<Result<SigningKeySet>> Handle(GetSigningKeys query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Result<SigningKeySet>>(new SigningKeySet(keys.Issuer, keys.PublicKeys));
}
