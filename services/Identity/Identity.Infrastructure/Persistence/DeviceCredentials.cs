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

    public async Task ReplaceSecretAsync(string remoteDeviceId, string? secretHash, DateTime now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (await _credentials.GetAsync(remoteDeviceId, cancellationToken) is not { } stored) return;
            stored.SecretHash = secretHash;
            stored.IssuedAt = now;
            if (await _credentials.TryReplaceAsync(stored, null, cancellationToken)) return;
        }
        throw new InvalidOperationException($"Device {remoteDeviceId}'s credentials kept changing while its secret was replaced.");
    }

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
    /// <summary>Null once revoked.</summary>
    public string? SecretHash { get; set; }
    public DateTime IssuedAt { get; set; }
}
