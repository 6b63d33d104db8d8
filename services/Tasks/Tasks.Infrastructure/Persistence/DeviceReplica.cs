using Platform.Persistence;
using Tasks.Application.Ports;
using Tasks.Domain.Devices;

namespace Tasks.Infrastructure.Persistence;

public sealed class DeviceReplicaDocument : Document
{
    public string OwnerId { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    /// <summary>The name upper-cased: device names are unique without regard to case, and looked up so.</summary>
    public string NameKey { get; set; } = string.Empty;
    public bool IsOnMarket { get; set; }
    public string PaymentType { get; set; } = string.Empty;
    public List<string> Automations { get; set; } = [];
    public bool Online { get; set; }
    public DateTime? OfflineSince { get; set; }
    public long Revision { get; set; }
    public string? RunningTaskId { get; set; }
    public DateTime? ClaimedAt { get; set; }
    /// <summary>Online and free: what the engine lists when it looks for a device (one indexed field).</summary>
    public bool Free { get; set; }
    /// <summary>On the market for action payment and not rented: other owners' jobs may use it.</summary>
    public bool OnActionMarket { get; set; }
    public string? RenterId { get; set; }
    /// <summary>Its renter while rented, else its owner: whose jobs may use it besides the market's.</summary>
    public string OperatorId { get; set; } = string.Empty;
}

/// <summary>
/// Tasks' copy of each device, written by Devices' events (the newest revision wins) and by the engine's claims, both
/// as versioned writes: an event never undoes a claim, and of two claims on a free device only one is written.
/// </summary>
public sealed class DeviceReplica(IDocumentStore store) : IDeviceReplica
{
    public const string CollectionName = "devices";
    private readonly IDocumentCollection<DeviceReplicaDocument> _devices = store.Collection<DeviceReplicaDocument>(CollectionName);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var devices = store.Collection<DeviceReplicaDocument>(CollectionName);
        await devices.EnsureIndexAsync(new IndexDefinition(nameof(DeviceReplicaDocument.NameKey)), cancellationToken);
        await devices.EnsureIndexAsync(new IndexDefinition(nameof(DeviceReplicaDocument.Free)), cancellationToken);
        await devices.EnsureIndexAsync(new IndexDefinition(nameof(DeviceReplicaDocument.ClaimedAt)), cancellationToken);
    }

    public async Task<Device?> GetAsync(string remoteDeviceId, CancellationToken cancellationToken) =>
        ToDomain(await _devices.GetAsync(remoteDeviceId, cancellationToken));

    public async Task<Device?> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        ToDomain(await _devices.FindOneAsync(Filter.Eq(nameof(DeviceReplicaDocument.NameKey), name.Trim().ToUpperInvariant()), cancellationToken));

    public async Task RecordAsync(Device snapshot, DateTime heardAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await _devices.GetAsync(snapshot.Id, cancellationToken);
            if (stored is null)
            {
                if (await _devices.TryInsertAsync(ToDocument(snapshot with { OfflineSince = snapshot.Online ? null : heardAt }), null, cancellationToken)) return;
                continue;
            }
            if (stored.Revision >= snapshot.Revision) return;
            var current = ToDomain(stored)!;
            var next = snapshot with
            {
                RunningTaskId = current.RunningTaskId,
                ClaimedAt = current.ClaimedAt,
                OfflineSince = snapshot.Online ? null : current.OfflineSince ?? heardAt,
                Version = current.Version,
            };
            if (await _devices.TryReplaceAsync(ToDocument(next), null, cancellationToken)) return;
        }
    }

    public Task<bool> TryClaimAsync(Device device, string taskId, DateTime now, CancellationToken cancellationToken) =>
        device.IsFree
            ? _devices.TryReplaceAsync(ToDocument(device with { RunningTaskId = taskId, ClaimedAt = now }), null, cancellationToken)
            : Task.FromResult(false);

    public async Task ReleaseAsync(string remoteDeviceId, string taskId, CancellationToken cancellationToken)
    {
        while (ToDomain(await _devices.GetAsync(remoteDeviceId, cancellationToken)) is { } device && device.RunningTaskId == taskId)
        {
            if (await _devices.TryReplaceAsync(ToDocument(device with { RunningTaskId = null, ClaimedAt = null }), null, cancellationToken)) return;
        }
    }

    public async Task<IReadOnlyList<Device>> ListFreeAsync(string? ownerId, int limit, CancellationToken cancellationToken)
    {
        var free = Filter.Eq(nameof(DeviceReplicaDocument.Free), true);
        var filter = ownerId is null
            ? free
            : Filter.And(free, Filter.Or(Filter.Eq(nameof(DeviceReplicaDocument.OperatorId), ownerId), Filter.Eq(nameof(DeviceReplicaDocument.OnActionMarket), true)));
        return (await _devices.ListAsync(filter, null, limit, cancellationToken)).Select(d => ToDomain(d)!).ToList();
    }

    public async Task<IReadOnlyList<Device>> ListClaimedAsync(DateTime claimedBefore, int limit, CancellationToken cancellationToken) =>
        // A range with a lower end: an unclaimed device (no claim time) is never in it, in either store.
        (await _devices.ListAsync(Filter.Between(nameof(DeviceReplicaDocument.ClaimedAt), DateTime.UnixEpoch, claimedBefore), null, limit, cancellationToken))
        .Where(d => d.RunningTaskId is not null).Select(d => ToDomain(d)!).ToList();

    private static DeviceReplicaDocument ToDocument(Device d) => new()
    {
        Id = d.Id,
        Version = d.Version,
        OwnerId = d.OwnerId,
        Name = d.Name,
        NameKey = d.Name.ToUpperInvariant(),
        IsOnMarket = d.IsOnMarket,
        PaymentType = d.PaymentType,
        Automations = [.. d.Automations],
        Online = d.Online,
        OfflineSince = d.OfflineSince,
        Revision = d.Revision,
        RunningTaskId = d.RunningTaskId,
        ClaimedAt = d.ClaimedAt,
        Free = d.Online && d.IsFree,
        OnActionMarket = d.IsOnActionMarket,
        RenterId = d.RenterId,
        OperatorId = d.OperatorId,
    };

    private static Device? ToDomain(DeviceReplicaDocument? d) => d is null
        ? null
        : new Device
        {
            Id = d.Id,
            Version = d.Version,
            OwnerId = d.OwnerId,
            Name = d.Name,
            IsOnMarket = d.IsOnMarket,
            PaymentType = d.PaymentType,
            Automations = d.Automations,
            Online = d.Online,
            RenterId = d.RenterId,
            OfflineSince = d.OfflineSince,
            Revision = d.Revision,
            RunningTaskId = d.RunningTaskId,
            ClaimedAt = d.ClaimedAt,
        };
}
