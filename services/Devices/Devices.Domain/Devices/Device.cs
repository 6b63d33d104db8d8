using Platform.Domain;

namespace Devices.Domain.Devices;

/// <summary>
/// A phone an owner registered. Its id is the <c>remote_device_id</c> its agent signs in with; its name is the unique
/// two-word label the platform gave it and never changes. The owner lists it on the market (paid per task with
/// <see cref="DevicePaymentType.Action"/>, or rented by the hour with <see cref="DevicePaymentType.Live"/>); its agent's
/// heartbeats keep it online, and a sweep takes it offline when they stop.
/// </summary>
public sealed class Device : AggregateRoot
{
    private Device(string id, string ownerId, string name, DeviceSpecs specs, string secretHash, DateTime added)
    {
        Id = id;
        OwnerId = ownerId;
        Name = name;
        Specs = specs;
        SecretHash = secretHash;
        Added = added;
    }

    public string Id { get; }
    public string OwnerId { get; }
    public string Name { get; }
    public DeviceSpecs Specs { get; }
    /// <summary>The SHA-256 of the device secret (shown once, at registration); Identity checks sign-ins against it.</summary>
    public string SecretHash { get; }
    public DateTime Added { get; }
    public PhoneNumber? PhoneNumber { get; private set; }
    /// <summary>The code sent to <see cref="PhoneNumber"/> that the owner has not entered yet, if any.</summary>
    public PhoneVerification? PhoneVerification { get; private set; }
    public MarketListing Market { get; private set; } = MarketListing.Unlisted;
    public bool Online { get; private set; }
    public DateTime? LastHeartbeatAt { get; private set; }
    /// <summary>The job task running on the device, if any (a device runs one at a time), with its job and that job's employer.</summary>
    public RunningTask? Running { get; private set; }
    /// <summary>The last task the device was freed from: its assignment, heard late, doesn't make the device busy again.</summary>
    public string? LastFinishedTaskId { get; private set; }
    /// <summary>The user renting the device by the hour now, if any: only their tasks run on it, and it is off the market.</summary>
    public DeviceRental? Rental { get; private set; }
    public long Version { get; private set; }

    public bool IsAvailable => Running is null;

    public static Device Register(string id, string ownerId, string name, DeviceSpecs specs, string? phoneNumber, string secretHash, DateTime now)
    {
        var device = new Device(id, ownerId, name, specs, secretHash, now)
        {
            PhoneNumber = phoneNumber is null ? null : new PhoneNumber(phoneNumber, Verified: false),
        };
        device.Raise(new DeviceRegisteredDomainEvent(device));
        return device;
    }

    /// <summary>Rebuilds a stored device; no rules run.</summary>
    public static Device Restore(string id, string ownerId, string name, DeviceSpecs specs, string secretHash, DateTime added, PhoneNumber? phoneNumber,
        PhoneVerification? phoneVerification, MarketListing market, bool online, DateTime? lastHeartbeatAt, RunningTask? running, string? lastFinishedTaskId,
        DeviceRental? rental, long version) =>
        new(id, ownerId, name, specs, secretHash, added)
        {
            PhoneNumber = phoneNumber,
            PhoneVerification = phoneVerification,
            Market = market,
            Online = online,
            LastHeartbeatAt = lastHeartbeatAt,
            Running = running,
            LastFinishedTaskId = lastFinishedTaskId,
            Rental = rental,
            Version = version,
        };

    public bool IsOwnedBy(string userId) => OwnerId == userId;

    public bool IsRentedBy(string userId) => Rental?.RenterId == userId;

    /// <summary>Offered for rent by the hour: on the market with live payment (and so a rate), and not rented now.</summary>
    public bool IsForRent => Market is { IsOnMarket: true, PaymentType: DevicePaymentType.Live, HourlyRate: not null } && Rental is null;

    /// <summary>
    /// Applies the owner's market settings; what is null stays as it was. A device rented by the hour needs a rate: a
    /// switch to <see cref="DevicePaymentType.Live"/> without one (given now or before) is refused.
    /// </summary>
    public void ChangeMarket(bool? isOnMarket, DevicePaymentType? paymentType, decimal? hourlyRate, IReadOnlyList<string>? automations)
    {
        var next = new MarketListing(
            isOnMarket ?? Market.IsOnMarket,
            paymentType ?? Market.PaymentType,
            hourlyRate ?? Market.HourlyRate,
            automations is null ? Market.Automations : [.. automations.Distinct()]);
        if (next.PaymentType == DevicePaymentType.Live && next.HourlyRate is null)
            throw new DeviceRuleException("hourly_rate is required for the live payment type");
        if (next.HourlyRate is <= 0) throw new DeviceRuleException("hourly_rate must be greater than 0");
        if (next.SameAs(Market)) return;
        if (Rental is not null && WouldChangeListing(isOnMarket, paymentType, hourlyRate)) throw new DeviceRuleException(RentedListingFixed);
        Market = next;
        Raise(new DeviceSettingsChangedDomainEvent(this));
    }

    /// <summary>Whether these settings would change how the device is offered (listed, payment type, rate): a rented device's can't.</summary>
    public bool WouldChangeListing(bool? isOnMarket, DevicePaymentType? paymentType, decimal? hourlyRate) =>
        (isOnMarket ?? Market.IsOnMarket) != Market.IsOnMarket || (paymentType ?? Market.PaymentType) != Market.PaymentType
        || (hourlyRate ?? Market.HourlyRate) != Market.HourlyRate;

    /// <summary>The agent is alive at <paramref name="now"/>; a device that was offline comes online.</summary>
    public void Heartbeat(DateTime now)
    {
        LastHeartbeatAt = now;
        if (Online) return;
        Online = true;
        Raise(new DeviceWentOnlineDomainEvent(this));
    }

    /// <summary>Takes the device offline when its last heartbeat is <paramref name="window"/> or more before <paramref name="now"/>; true when it did.</summary>
    public bool GoOfflineIfSilent(DateTime now, TimeSpan window)
    {
        if (!Online || (LastHeartbeatAt is { } last && now - last < window)) return false;
        Online = false;
        Raise(new DeviceWentOfflineDomainEvent(this));
        return true;
    }

    /// <summary>Tasks assigned the job task to the device (its DeviceAssigned): the device is busy; false when nothing changed.</summary>
    public bool StartTask(RunningTask task)
    {
        if (task.TaskId == Running?.TaskId || task.TaskId == LastFinishedTaskId) return false;
        Running = task;
        return true;
    }

    /// <summary>Whether <paramref name="userId"/> may use the device's bucket: its owner, its renter, or the employer whose job task runs on it now.</summary>
    public bool IsUsableBy(string userId) => IsOwnedBy(userId) || IsRentedBy(userId) || Running?.EmployerId == userId;

    public const string RentedListingFixed =
        "The device is rented: its market listing, payment type and hourly rate stay as they are until the rental ends";

    /// <summary>
    /// <paramref name="renterId"/> rents the device from <paramref name="now"/> at its hourly rate (route 59). The caller
    /// checks who may; here, only that it is for rent and not the renter's own.
    /// </summary>
    public DeviceRental Rent(string rentalId, string renterId, DateTime now)
    {
        if (IsOwnedBy(renterId)) throw new DeviceRuleException("You can't rent your own device");
        if (!IsForRent) throw new DeviceRuleException("The device is not for rent");
        Rental = new DeviceRental(rentalId, renterId, Market.HourlyRate!.Value, now, Billed: false);
        Raise(new DeviceRentedDomainEvent(this, Rental));
        return Rental;
    }

    /// <summary>Payments opened the rental's billing (its first hour is paid); false when there is nothing to mark.</summary>
    public bool MarkRentalBilled(string rentalId)
    {
        if (Rental is not { } rental || rental.RentalId != rentalId || rental.Billed) return false;
        Rental = rental with { Billed = true };
        return true;
    }

    /// <summary>Ends rental <paramref name="rentalId"/> at <paramref name="now"/> (<paramref name="reason"/>: who or what ended it); false when it isn't the current one.</summary>
    public bool EndRental(string rentalId, string reason, DateTime now)
    {
        if (Rental is not { } rental || rental.RentalId != rentalId) return false;
        Rental = null;
        Raise(new RentalEndedDomainEvent(this, rental, reason, now));
        return true;
    }

    /// <summary>The device's task left running (Tasks' DeviceReleased): the device is available again; false when nothing changed.</summary>
    public bool FinishTask(string taskId)
    {
        if (taskId == LastFinishedTaskId) return false;
        LastFinishedTaskId = taskId;
        if (Running?.TaskId == taskId) Running = null;
        return true;
    }

    /// <summary>
    /// A code (kept as <paramref name="codeHash"/>) is sent to the device's number at <paramref name="now"/>, or to
    /// <paramref name="newNumber"/>, which replaces it unverified. The caller checks that one may be sent now.
    /// </summary>
    public void SendPhoneCode(string? newNumber, string codeHash, DateTime now)
    {
        if (newNumber is not null && newNumber != PhoneNumber?.Number) PhoneNumber = new PhoneNumber(newNumber, Verified: false);
        if (PhoneNumber is null) throw new DeviceRuleException(NoPhoneNumber);
        PhoneVerification = new PhoneVerification(codeHash, now, now + PhoneVerification.CodeLifetime, 0);
    }

    public const string NoPhoneNumber = "The device has no phone number: send phoneNumber";

    /// <summary>The owner enters a code (its hash) at <paramref name="now"/>: the number is verified when it is the code sent, in time.</summary>
    public PhoneCodeCheck CheckPhoneCode(string codeHash, DateTime now)
    {
        if (PhoneVerification is not { } sent || PhoneNumber is null) return PhoneCodeCheck.NoCode;
        if (now >= sent.ExpiresAt)
        {
            PhoneVerification = null;
            return PhoneCodeCheck.Expired;
        }
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Convert.FromHexString(sent.CodeHash), Convert.FromHexString(codeHash)))
        {
            var wrong = sent.WrongAttempts + 1;
            PhoneVerification = wrong >= PhoneVerification.MaxWrongCodes ? null : sent with { WrongAttempts = wrong };
            return PhoneVerification is null ? PhoneCodeCheck.TooManyWrong : PhoneCodeCheck.Wrong;
        }
        PhoneVerification = null;
        PhoneNumber = PhoneNumber with { Verified = true };
        return PhoneCodeCheck.Verified;
    }

    /// <summary>The phone number the agent may read (route 22): the stored one, only once it is verified.</summary>
    public string? VerifiedPhoneNumber => PhoneNumber is { Verified: true } phone ? phone.Number : null;

    public void MarkStored(long version) => Version = version;
}

/// <summary>The job task a device runs: the task, its job, and the job's employer.</summary>
public sealed record RunningTask(string TaskId, string JobId, string EmployerId);

/// <summary>
/// A user renting a device by the hour at <paramref name="HourlyRate"/> from <paramref name="StartedAt"/>;
/// <paramref name="Billed"/> once Payments has opened its billing and taken the first hour.
/// </summary>
public sealed record DeviceRental(string RentalId, string RenterId, decimal HourlyRate, DateTime StartedAt, bool Billed);

/// <summary>Why a rental ended.</summary>
public static class RentalEndReasons
{
    /// <summary>The renter ended it (route 59, DELETE).</summary>
    public const string Renter = "renter";
    /// <summary>The renter's balance could not pay an hour, or its first hour was never paid.</summary>
    public const string Unpaid = "unpaid";
}

/// <summary>What the agent reported about the phone at registration.</summary>
public sealed record DeviceSpecs(
    string Brand,
    string Model,
    string Country,
    bool IsEmulator,
    string NetworkType,
    int NumberOfCores,
    int RamMb,
    string Processor,
    string SdkVersion,
    string Version);

/// <summary>A phone number in E.164 form, and whether its owner proved they hold it.</summary>
public sealed record PhoneNumber(string Number, bool Verified);

/// <summary>A verification code sent to the device's number: its hash, when it was sent and expires, and the wrong codes entered so far.</summary>
public sealed record PhoneVerification(string CodeHash, DateTime SentAt, DateTime ExpiresAt, int WrongAttempts)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    /// <summary>How long after a code another may be sent.</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(60);
    /// <summary>After this many wrong codes the code is void: a new one must be sent.</summary>
    public const int MaxWrongCodes = 5;
}

/// <summary>What entering a phone verification code did.</summary>
public enum PhoneCodeCheck
{
    Verified,
    Wrong,
    /// <summary>The last wrong code allowed: the code is void now.</summary>
    TooManyWrong,
    Expired,
    /// <summary>No code was sent (or it was used up).</summary>
    NoCode,
}

/// <summary>How the owner offers a device to others, and which automations it runs (empty: every automation).</summary>
public sealed record MarketListing(bool IsOnMarket, DevicePaymentType PaymentType, decimal? HourlyRate, IReadOnlyList<string> Automations)
{
    public static readonly MarketListing Unlisted = new(false, DevicePaymentType.Action, null, []);

    public bool Accepts(string automationId) => Automations.Count == 0 || Automations.Contains(automationId);

    public bool SameAs(MarketListing other) => IsOnMarket == other.IsOnMarket && PaymentType == other.PaymentType
                                               && HourlyRate == other.HourlyRate && Automations.SequenceEqual(other.Automations);
}

/// <summary>Action: other owners' jobs pay per task run on it. Live: a user rents it by the hour.</summary>
public enum DevicePaymentType
{
    Action,
    Live,
}

/// <summary>The wire and storage spellings of the device's closed sets.</summary>
public static class DeviceRules
{
    public const string Action = "action";
    public const string Live = "live";

    public static IReadOnlyList<string> PaymentTypes { get; } = [Action, Live];

    /// <summary>The network a phone reports (Android's transport types).</summary>
    public static IReadOnlyList<string> NetworkTypes { get; } = ["wifi", "cellular", "ethernet", "vpn", "bluetooth"];

    public static string ToWire(this DevicePaymentType type) => type == DevicePaymentType.Live ? Live : Action;

    public static DevicePaymentType ParsePaymentType(string wire) => wire == Live ? DevicePaymentType.Live : DevicePaymentType.Action;
}

public sealed record DeviceRegisteredDomainEvent(Device Device) : IDomainEvent;

public sealed record DeviceSettingsChangedDomainEvent(Device Device) : IDomainEvent;

public sealed record DeviceWentOnlineDomainEvent(Device Device) : IDomainEvent;

public sealed record DeviceWentOfflineDomainEvent(Device Device) : IDomainEvent;

public sealed record DeviceRentedDomainEvent(Device Device, DeviceRental Rental) : IDomainEvent;

public sealed record RentalEndedDomainEvent(Device Device, DeviceRental Rental, string Reason, DateTime EndedAt) : IDomainEvent;

/// <summary>A device rule was broken; the message names the rule.</summary>
public sealed class DeviceRuleException(string message) : DomainRuleException(message);
