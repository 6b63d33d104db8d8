using Platform.Persistence;
using Proxy.Application.Ports;
using Proxy.Domain.Devices;

namespace Proxy.Infrastructure.Persistence;

public sealed class ProxyDeviceDocument : Document
{
    public string OwnerId { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Brand { get; set; } = string.Empty;
    public string Model { get; set; } = string.Empty;
    public string Country { get; set; } = string.Empty;
    public bool Online { get; set; }
    public bool IsOnMarket { get; set; }
    public string? RenterId { get; set; }
    public long Revision { get; set; }
}

/// <summary>Proxy's copy of the devices: the newest revision of each device's snapshot wins.</summary>
public sealed class ProxyDeviceReplica(IDocumentStore store) : IProxyDevices
{
    public const string CollectionName = "devices";
    private readonly IDocumentCollection<ProxyDeviceDocument> _devices = store.Collection<ProxyDeviceDocument>(CollectionName);

    public static Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        store.Collection<ProxyDeviceDocument>(CollectionName).EnsureIndexAsync(new IndexDefinition(nameof(ProxyDeviceDocument.OwnerId)), cancellationToken);

    public async Task<ProxyDevice?> GetAsync(string deviceId, CancellationToken cancellationToken) => ToDomain(await _devices.GetAsync(deviceId, cancellationToken));

    public async Task RecordAsync(ProxyDevice device, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await _devices.GetAsync(device.Id, cancellationToken);
            if (stored is null)
            {
                if (await _devices.TryInsertAsync(ToDocument(device, 0), null, cancellationToken)) return;
                continue;
            }
            if (stored.Revision >= device.Revision || await _devices.TryReplaceAsync(ToDocument(device, stored.Version), null, cancellationToken)) return;
        }
    }

    public async Task<IReadOnlyList<ProxyDevice>> ListOwnedAsync(string ownerId, CancellationToken cancellationToken) =>
        (await _devices.ListAsync(Filter.Eq(nameof(ProxyDeviceDocument.OwnerId), ownerId), null, 10_000, cancellationToken)).Select(d => ToDomain(d)!).ToList();

    private static ProxyDeviceDocument ToDocument(ProxyDevice d, long version) => new()
    {
        Id = d.Id, Version = version, OwnerId = d.OwnerId, Name = d.Name, Brand = d.Brand, Model = d.Model, Country = d.Country, Online = d.Online,
        IsOnMarket = d.IsOnMarket, RenterId = d.RenterId, Revision = d.Revision,
    };

    private static ProxyDevice? ToDomain(ProxyDeviceDocument? d) => d is null
        ? null
        : new ProxyDevice
        {
            Id = d.Id, OwnerId = d.OwnerId, Name = d.Name, Brand = d.Brand, Model = d.Model, Country = d.Country, Online = d.Online, IsOnMarket = d.IsOnMarket,
            RenterId = d.RenterId, Revision = d.Revision,
        };
}
