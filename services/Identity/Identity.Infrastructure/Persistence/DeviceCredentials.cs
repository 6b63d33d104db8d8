using Identity.Application.Ports;
using Identity.Domain.Devices;
using Platform.Persistence;

namespace Identity.Infrastructure.Persistence;

/// <summary>Device credentials, one document per device keyed by its <c>remote_device_id</c> (the client id it signs in with).</summary>
public sealed class DeviceCredentials(IDocumentStore store) : IDeviceCredentials
{
    public const string CollectionName = "device_credentials";
    private readonly IDocumentCollection<DeviceCredentialDocument> _credentials = store.Collection<DeviceCredentialDocument>(CollectionName);

    public async Task<DeviceCredential?> FindAsync(string remoteDeviceId, CancellationToken cancellationToken) =>
        await _credentials.GetAsync(remoteDeviceId, cancellationToken) is { } d ? new DeviceCredential(d.Id, d.OwnerId, d.SecretHash, d.IssuedAt) : null;

    public Task AddAsync(DeviceCredential credential, CancellationToken cancellationToken) =>
        _credentials.TryInsertAsync(new DeviceCredentialDocument
        {
            Id = credential.RemoteDeviceId,
            OwnerId = credential.OwnerId,
            SecretHash = credential.SecretHash,
            IssuedAt = credential.IssuedAt,
        }, cancellationToken: cancellationToken);
}

public sealed class DeviceCredentialDocument : Document
{
    public string OwnerId { get; set; } = string.Empty;
    public string SecretHash { get; set; } = string.Empty;
    public DateTime IssuedAt { get; set; }
}
