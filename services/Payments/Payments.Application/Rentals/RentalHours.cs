using Payments.Application.Ports;
using Payments.Domain.Ledger;
using Payments.Domain.Rentals;

namespace Payments.Application.Rentals;

/// <summary>
/// Bills a rental's due hours, in order. Each hour moves the rate from the renter's available balance into the rental's
/// account, then the owner's earning and the platform's fee out of it, each posting keyed by rental and hour, so an hour
/// billed again (a crash half way, a sweep and an event at once) posts nothing twice. An hour the renter can't pay
/// stops the billing. The billing is saved after each hour; another writer first means reading it again.
/// </summary>
public sealed class RentalHours(IRentalBillings billings, ILedger ledger, TimeProvider clock)
{
    private const int MaxConflicts = 20;

    /// <summary>Bills what is due of the rental now; returns it as saved (null when it is unknown).</summary>
    public async Task<RentalBilling?> BillDueAsync(string rentalId, CancellationToken cancellationToken)
    {
        var conflicts = 0;
        while (true)
        {
            var billing = await billings.GetAsync(rentalId, cancellationToken);
            if (billing is null) return null;
            var now = clock.GetUtcNow().UtcDateTime;
            if (billing.HourDueAt(now) is not { } hour) return billing;
            if (await PostHourAsync(billing, hour, now, cancellationToken)) billing.MarkBilled(hour);
            else billing.MarkUnpaid(hour);
            if (await billings.TrySaveAsync(billing, cancellationToken))
            {
                if (billing.Unpaid is not null) return billing;
            }
            else if (++conflicts >= MaxConflicts)
            {
                throw new InvalidOperationException($"Rental {rentalId}'s billing kept changing under {MaxConflicts} writes in a row; it is billed at the next sweep.");
            }
            // Read again: the next hour may be due too, or another writer's change won.
        }
    }

    /// <summary>Posts hour <paramref name="hour"/>; false when the renter's balance doesn't cover it (nothing moved).</summary>
    private async Task<bool> PostHourAsync(RentalBilling billing, int hour, DateTime now, CancellationToken cancellationToken)
    {
        var account = Keys.Account(billing.Id);
        var paid = await ledger.PostAsync(Posting.Create(Keys.Hour(billing.Id, hour), Accounts.Available(billing.RenterId), account, billing.HourlyRate,
            "rental-hour", now), cancellationToken);
        if (paid == PostingOutcome.Insufficient) return false;
        if (billing.OwnerEarningPerHour > 0)
            await ledger.PostAsync(Posting.Create(Keys.Earning(billing.Id, hour), account, Accounts.Available(billing.OwnerId), billing.OwnerEarningPerHour,
                "rental-earning", now), cancellationToken);
        if (billing.FeePerHour > 0)
            await ledger.PostAsync(Posting.Create(Keys.Fee(billing.Id, hour), account, Accounts.Revenue, billing.FeePerHour, "rental-fee", now), cancellationToken);
        return true;
    }

    /// <summary>The ledger keys and account of a rental's hours.</summary>
    public static class Keys
    {
        /// <summary>Where an hour's rate waits between the renter and its owner and fee (empty after each hour).</summary>
        public static string Account(string rentalId) => $"rental:{rentalId}";
        public static string Hour(string rentalId, int hour) => $"rental:{rentalId}:hour:{hour}";
        public static string Earning(string rentalId, int hour) => $"rental:{rentalId}:hour:{hour}:owner";
        public static string Fee(string rentalId, int hour) => $"rental:{rentalId}:hour:{hour}:fee";
    }
}
