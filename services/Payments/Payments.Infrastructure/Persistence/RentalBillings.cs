using Payments.Application.Ports;
using Payments.Domain.Rentals;
using Platform.Application.Events;
using Platform.Persistence;
using Platform.Persistence.Outbox;

namespace Payments.Infrastructure.Persistence;

public sealed class RentalBillingDocument : Document
{
    public string DeviceId { get; set; } = string.Empty;
    public string RenterId { get; set; } = string.Empty;
    public string OwnerId { get; set; } = string.Empty;
    public decimal HourlyRate { get; set; }
    public decimal FeePercent { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public int HoursBilled { get; set; }
    public int? Unpaid { get; set; }
    /// <summary>When the next hour starts (indexed: the sweep bills those started); null when none is due any more.</summary>
    public DateTime? NextHourAt { get; set; }
}

/// <summary>Rental billings, one document per rental (its id is the rental's); each write carries the events the billing recorded.</summary>
public sealed class RentalBillings(IDocumentStore store, IIntegrationEventMap events) : IRentalBillings
{
    public const string CollectionName = "rental_billings";
    private readonly IDocumentCollection<RentalBillingDocument> _billings = store.Collection<RentalBillingDocument>(CollectionName);

    public static Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        store.Collection<RentalBillingDocument>(CollectionName).EnsureIndexAsync(new IndexDefinition(nameof(RentalBillingDocument.NextHourAt)), cancellationToken);

    public async Task<RentalBilling?> GetAsync(string rentalId, CancellationToken cancellationToken) =>
        ToDomain(await _billings.GetAsync(rentalId, cancellationToken));

    public async Task<bool> TryAddAsync(RentalBilling billing, CancellationToken cancellationToken)
    {
        var document = ToDocument(billing);
        if (!await _billings.TryInsertAsync(document, OutboxMessages.From(events.TakeFrom(billing)), cancellationToken)) return false;
        billing.MarkStored(document.Version);
        return true;
    }

    public async Task<bool> TrySaveAsync(RentalBilling billing, CancellationToken cancellationToken)
    {
        var document = ToDocument(billing);
        if (!await _billings.TryReplaceAsync(document, OutboxMessages.From(events.TakeFrom(billing)), cancellationToken)) return false;
        billing.MarkStored(document.Version);
        return true;
    }

    public async Task<IReadOnlyList<RentalBilling>> FindDueAsync(DateTime now, int limit, CancellationToken cancellationToken)
    {
        // Between, not Lte: a null (nothing due) sorts below every date and would match.
        var due = Filter.Between(nameof(RentalBillingDocument.NextHourAt), DateTime.MinValue, now);
        return (await _billings.ListAsync(due, null, limit, cancellationToken)).Select(d => ToDomain(d)!).ToList();
    }

    private static RentalBillingDocument ToDocument(RentalBilling b) => new()
    {
        Id = b.Id,
        Version = b.Version,
        DeviceId = b.DeviceId,
        RenterId = b.RenterId,
        OwnerId = b.OwnerId,
        HourlyRate = b.HourlyRate,
        FeePercent = b.FeePercent,
        StartedAt = b.StartedAt,
        EndedAt = b.EndedAt,
        HoursBilled = b.HoursBilled,
        Unpaid = b.Unpaid,
        NextHourAt = b.NextHourAt,
    };

    private static RentalBilling? ToDomain(RentalBillingDocument? d) => d is null
        ? null
        : RentalBilling.Restore(d.Id, d.DeviceId, d.RenterId, d.OwnerId, d.HourlyRate, d.FeePercent, d.StartedAt, d.EndedAt, d.HoursBilled, d.Unpaid, d.Version);
}
