namespace Storage.Application.Ports;

/// <summary>Where the bytes of stored files live (a folder on a volume), by their issued names.</summary>
public interface IFileContents
{
    /// <summary>
    /// Streams <paramref name="content"/> into a new file named <paramref name="name"/> without holding it in memory.
    /// Returns its size, or null when it passed <paramref name="maxBytes"/> (then nothing is kept).
    /// </summary>
    Task<long?> SaveAsync(string name, Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The file's bytes to read, or null when there is no such file.</summary>
    Stream? OpenRead(string name);

    Task DeleteAsync(string name, CancellationToken cancellationToken);
}
