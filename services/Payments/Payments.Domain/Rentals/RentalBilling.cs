using Platform.Domain;

namespace Payments.Domain.Rentals;

/// <summary>
/// The billing of one device rental (Devices' route 59): the renter pays <see cref="HourlyRate"/> for every hour that
/// starts while the rental runs, the first when it opens; the device's owner gets the rate less the platform's
/// <see cref="FeePercent"/>. Hours are billed in order, each once (<see cref="HoursBilled"/>); an hour the renter can't
/// pay ends the billing (<see cref="Unpaid"/>), and Devices ends the rental on hearing it.
/// </summary>
public sealed class RentalBilling : AggregateRoot
{
    public const int Decimals = 4;

    private RentalBilling(string id, string deviceId, string renterId, string ownerId, decimal hourlyRate, decimal feePercent, DateTime startedAt)
    {
        Id = id;
        DeviceId = deviceId;
        RenterId = renterId;
        OwnerId = ownerId;
        HourlyRate = hourlyRate;
        FeePercent = feePercent;
        StartedAt = startedAt;
    }

    /// <summary>The rental's id (Devices').</summary>
    public string Id { get; }
    public string DeviceId { get; }
    public string RenterId { get; }
    public string OwnerId { get; }
    public decimal HourlyRate { get; }
    public decimal FeePercent { get; }
    public DateTime StartedAt { get; }
    public DateTime? EndedAt { get; private set; }
    public int HoursBilled { get; private set; }
    /// <summary>The hour the renter could not pay; nothing is billed after it.</summary>
    public int? Unpaid { get; private set; }
    public long Version { get; private set; }

    /// <summary>The platform's part of an hour, rounded down to 0.0001; the owner earns the rest.</summary>
    public decimal FeePerHour => Math.Round(HourlyRate * FeePercent / 100m, Decimals, MidpointRounding.ToZero);

    public decimal OwnerEarningPerHour => HourlyRate - FeePerHour;

    /// <summary>When the next hour starts, and so is due; null when no hour is due any more (ended before it, or unpaid).</summary>
    public DateTime? NextHourAt
    {
        get
        {
            if (Unpaid is not null) return null;
            var next = StartedAt.AddHours(HoursBilled);
            return EndedAt is { } ended && next >= ended && HoursBilled > 0 ? null : next;
        }
    }

    public static RentalBilling Open(string rentalId, string deviceId, string renterId, string ownerId, decimal hourlyRate, decimal feePercent, DateTime startedAt)
    {
        if (hourlyRate <= 0) throw new DomainRuleException("An hour of a rental costs more than 0");
        if (renterId == ownerId) throw new DomainRuleException("A device's owner doesn't rent it");
        return new RentalBilling(rentalId, deviceId, renterId, ownerId, hourlyRate, feePercent, startedAt);
    }

    public static RentalBilling Restore(string id, string deviceId, string renterId, string ownerId, decimal hourlyRate, decimal feePercent, DateTime startedAt,
        DateTime? endedAt, int hoursBilled, int? unpaid, long version) =>
        new(id, deviceId, renterId, ownerId, hourlyRate, feePercent, startedAt) { EndedAt = endedAt, HoursBilled = hoursBilled, Unpaid = unpaid, Version = version };

    /// <summary>The number (1 for the first) of the hour due at <paramref name="now"/>, if one is.</summary>
    public int? HourDueAt(DateTime now) => NextHourAt is { } next && next <= now ? HoursBilled + 1 : null;

    public void MarkBilled(int hour)
    {
        if (hour != HoursBilled + 1 || Unpaid is not null) throw new DomainRuleException($"Hour {hour} is not the rental's next hour");
        HoursBilled = hour;
    }

    /// <summary>
    /// The renter could not pay <paramref name="hour"/>: billing stops. Devices hears of it (and ends the rental), unless
    /// it was the first hour, which the rental's start was refused for already.
    /// </summary>
    public void MarkUnpaid(int hour)
    {
        if (Unpaid is not null) return;
        Unpaid = hour;
        if (hour > 1) Raise(new RentalPaymentFailedDomainEvent(this, hour));
    }

    /// <summary>The rental ended at <paramref name="at"/>: hours that started before it are still billed, none after. False when it had ended already.</summary>
    public bool End(DateTime at)
    {
        if (EndedAt is not null) return false;
        EndedAt = at < StartedAt ? StartedAt : at;
        return true;
    }

    public void MarkStored(long version) => Version = version;
}

public sealed record RentalPaymentFailedDomainEvent(RentalBilling Billing, int Hour) : IDomainEvent;
