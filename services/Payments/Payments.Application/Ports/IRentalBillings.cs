using Payments.Domain.Rentals;

namespace Payments.Application.Ports;

/// <summary>Rental billings, one per rental (its id is the rental's), written with optimistic concurrency and their events.</summary>
public interface IRentalBillings
{
    Task<RentalBilling?> GetAsync(string rentalId, CancellationToken cancellationToken);

    /// <summary>Stores a new billing; false when the rental has one already.</summary>
    Task<bool> TryAddAsync(RentalBilling billing, CancellationToken cancellationToken);

    /// <summary>Saves the billing if it is still at the version it was read at; false when another write came first.</summary>
    Task<bool> TrySaveAsync(RentalBilling billing, CancellationToken cancellationToken);

    /// <summary>Billings whose next hour started at or before <paramref name="now"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<RentalBilling>> FindDueAsync(DateTime now, int limit, CancellationToken cancellationToken);
}
