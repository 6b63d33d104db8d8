using Devices.Application.Ports;
using Devices.Domain.Devices;
using Platform.Application.Events;
using Platform.Application.Paging;
using Platform.Persistence;
using Platform.Persistence.Outbox;

namespace Devices.Infrastructure.Persistence;

/// <summary>Devices in their documents; each write carries the integration events mapped from what the device recorded.</summary>
public sealed class DeviceRepository(IDocumentStore store, IIntegrationEventMap events) : IDeviceRepository
{
    public const string CollectionName = "devices";
    private readonly IDocumentCollection<DeviceDocument> _devices = store.Collection<DeviceDocument>(CollectionName);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var devices = store.Collection<DeviceDocument>(CollectionName);
        await devices.EnsureIndexAsync(new IndexDefinition(nameof(DeviceDocument.NameKey), Unique: true), cancellationToken);
        await devices.EnsureIndexAsync(new IndexDefinition(nameof(DeviceDocument.OwnerId)), cancellationToken);
        await devices.EnsureIndexAsync(new IndexDefinition(nameof(DeviceDocument.MarketKey)), cancellationToken);
        await devices.EnsureIndexAsync(new IndexDefinition(nameof(DeviceDocument.RenterId)), cancellationToken);
        await devices.EnsureIndexAsync(new IndexDefinition(nameof(DeviceDocument.UnbilledRentalSince)), cancellationToken);
        await devices.EnsureIndexAsync(new IndexDefinition(nameof(DeviceDocument.LastHeartbeatAt)), cancellationToken);
    }

    public async Task<Device?> GetAsync(string remoteDeviceId, CancellationToken cancellationToken) =>
        ToDomain(await _devices.GetAsync(remoteDeviceId, cancellationToken));

    public Task<bool> TryAddAsync(Device device, CancellationToken cancellationToken) =>
        _devices.TryInsertAsync(ToDocument(device), OutboxMessages.From(events.TakeFrom(device)), cancellationToken);

    public async Task<bool> TrySaveAsync(Device device, CancellationToken cancellationToken)
    {
        var document = ToDocument(device);
        if (!await _devices.TryReplaceAsync(document, OutboxMessages.From(events.TakeFrom(device)), cancellationToken)) return false;
        device.MarkStored(document.Version);
        return true;
    }

    public async Task<IReadOnlyList<Device>> ListOwnedOrRentedAsync(string userId, CancellationToken cancellationToken)
    {
        var mine = Filter.Or(Filter.Eq(nameof(DeviceDocument.OwnerId), userId), Filter.Eq(nameof(DeviceDocument.RenterId), userId));
        return (await _devices.ListAsync(mine, new SortBy(nameof(DeviceDocument.Added), Descending: false), 10_000, cancellationToken))
            .Select(d => ToDomain(d)!).ToList();
    }

    public async Task<IReadOnlyList<Device>> ListMarketAsync(DevicePaymentType paymentType, string? country, SortDirection direction, CancellationToken cancellationToken)
    {
        var market = Filter.Eq(nameof(DeviceDocument.MarketKey), paymentType.ToWire());
        var filter = country is null ? market : Filter.And(market, Filter.Eq(nameof(DeviceDocument.Country), country));
        var found = await _devices.ListAsync(filter, null, 10_000, cancellationToken);
        var byCountry = direction == SortDirection.Descending
            ? found.OrderByDescending(d => d.Country, StringComparer.Ordinal)
            : found.OrderBy(d => d.Country, StringComparer.Ordinal);
        return byCountry.ThenBy(d => d.Name, StringComparer.Ordinal).Select(d => ToDomain(d)!).ToList();
    }

    public async Task<IReadOnlyList<Device>> FindSilentAsync(DateTime heardBefore, int limit, CancellationToken cancellationToken)
    {
        var silent = Filter.And(Filter.Eq(nameof(DeviceDocument.Online), true), Filter.Lte(nameof(DeviceDocument.LastHeartbeatAt), heardBefore));
        return (await _devices.ListAsync(silent, null, limit, cancellationToken)).Select(d => ToDomain(d)!).ToList();
    }

    public async Task<IReadOnlyList<Device>> FindUnbilledRentalsAsync(DateTime startedBefore, int limit, CancellationToken cancellationToken)
    {
        // Between, not Lte: a null (no unbilled rental) sorts below every date and would match.
        var unbilled = Filter.Between(nameof(DeviceDocument.UnbilledRentalSince), DateTime.MinValue, startedBefore);
        return (await _devices.ListAsync(unbilled, null, limit, cancellationToken)).Select(d => ToDomain(d)!).ToList();
    }

    private static DeviceDocument ToDocument(Device device) => new()
    {
        Id = device.Id,
        Version = device.Version,
        OwnerId = device.OwnerId,
        Name = device.Name,
        NameKey = device.Name.ToUpperInvariant(),
        Brand = device.Specs.Brand,
        Model = device.Specs.Model,
        Country = device.Specs.Country,
        IsEmulator = device.Specs.IsEmulator,
        NetworkType = device.Specs.NetworkType,
        NumberOfCores = device.Specs.NumberOfCores,
        RamMb = device.Specs.RamMb,
        Processor = device.Specs.Processor,
        SdkVersion = device.Specs.SdkVersion,
        OsVersion = device.Specs.Version,
        SecretHash = device.SecretHash,
        Added = device.Added,
        PhoneNumber = device.PhoneNumber?.Number,
        PhoneNumberVerified = device.PhoneNumber?.Verified ?? false,
        PhoneCodeHash = device.PhoneVerification?.CodeHash,
        PhoneCodeSentAt = device.PhoneVerification?.SentAt,
        PhoneCodeExpiresAt = device.PhoneVerification?.ExpiresAt,
        PhoneCodeWrongAttempts = device.PhoneVerification?.WrongAttempts ?? 0,
        IsOnMarket = device.Market.IsOnMarket,
        PaymentType = device.Market.PaymentType.ToWire(),
        HourlyRate = device.Market.HourlyRate,
        Automations = [.. device.Market.Automations],
        Online = device.Online,
        LastHeartbeatAt = device.LastHeartbeatAt,
        RunningTaskId = device.Running?.TaskId,
        RunningJobId = device.Running?.JobId,
        RunningEmployerId = device.Running?.EmployerId,
        LastFinishedTaskId = device.LastFinishedTaskId,
        MarketKey = device.Online && device.Market.IsOnMarket && device.Rental is null ? device.Market.PaymentType.ToWire() : null,
        RentalId = device.Rental?.RentalId,
        RenterId = device.Rental?.RenterId,
        RentalHourlyRate = device.Rental?.HourlyRate,
        RentalStartedAt = device.Rental?.StartedAt,
        RentalBilled = device.Rental?.Billed ?? false,
        UnbilledRentalSince = device.Rental is { Billed: false } rental ? rental.StartedAt : null,
    };

    private static Device? ToDomain(DeviceDocument? d) => d is null
        ? null
        : Device.Restore(d.Id, d.OwnerId, d.Name,
            new DeviceSpecs(d.Brand, d.Model, d.Country, d.IsEmulator, d.NetworkType, d.NumberOfCores, d.RamMb, d.Processor, d.SdkVersion, d.OsVersion),
            d.SecretHash, d.Added, d.PhoneNumber is null ? null : new PhoneNumber(d.PhoneNumber, d.PhoneNumberVerified),
            d.PhoneCodeHash is null ? null : new PhoneVerification(d.PhoneCodeHash, d.PhoneCodeSentAt ?? d.Added, d.PhoneCodeExpiresAt ?? d.Added, d.PhoneCodeWrongAttempts),
            new MarketListing(d.IsOnMarket, DeviceRules.ParsePaymentType(d.PaymentType), d.HourlyRate, d.Automations),
            d.Online, d.LastHeartbeatAt,
            d.RunningTaskId is null ? null : new RunningTask(d.RunningTaskId, d.RunningJobId ?? string.Empty, d.RunningEmployerId ?? string.Empty),
            d.LastFinishedTaskId,
            d.RentalId is null ? null : new DeviceRental(d.RentalId, d.RenterId!, d.RentalHourlyRate ?? 0m, d.RentalStartedAt ?? d.Added, d.RentalBilled),
            d.Version);
}
