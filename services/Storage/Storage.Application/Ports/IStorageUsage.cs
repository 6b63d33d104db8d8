using Storage.Domain.Files;

namespace Storage.Application.Ports;

/// <summary>How much each user holds in Storage, by kind of file: taken atomically (racing uploads can't pass a quota together), given back when a file goes.</summary>
public interface IStorageUsage
{
    /// <summary>Counts a file of <paramref name="bytes"/> for <paramref name="ownerId"/> if it keeps them within <paramref name="maxFiles"/> and <paramref name="maxBytes"/>; false (nothing counted) otherwise.</summary>
    Task<bool> TryTakeAsync(string ownerId, FileKind kind, long bytes, long maxFiles, long maxBytes, CancellationToken cancellationToken);

    /// <summary>A counted file is gone: its room is free again.</summary>
    Task ReturnAsync(string ownerId, FileKind kind, long bytes, CancellationToken cancellationToken);
}
