using Payments.Application.Ports;
using Platform.Persistence;

namespace Payments.Infrastructure.Persistence;

public sealed class ReferralDocument : Document
{
    public string ReferrerId { get; set; } = string.Empty;
}

/// <summary>Who referred whom, one document per referred user; the first word stands.</summary>
public sealed class Referrals(IDocumentStore store) : IReferrals
{
    public const string CollectionName = "referrals";
    private readonly IDocumentCollection<ReferralDocument> _referrals = store.Collection<ReferralDocument>(CollectionName);

    public async Task RecordAsync(string userId, string referrerId, CancellationToken cancellationToken) =>
        await _referrals.TryInsertAsync(new ReferralDocument { Id = userId, ReferrerId = referrerId }, null, cancellationToken);

    public async Task<string?> ReferrerOfAsync(string userId, CancellationToken cancellationToken) =>
        (await _referrals.GetAsync(userId, cancellationToken))?.ReferrerId;
}
