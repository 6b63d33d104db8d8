using Platform.Application.Results;

namespace Tasks.Application.Ports;

/// <summary>A proof file's bytes as stored, with their media type.</summary>
public sealed record ProofFileContent(Stream Content, string MediaType, long? Length);

/// <summary>Where proof files are kept (the Storage service): for as long as their task exists.</summary>
public interface IProofFileStore
{
    /// <summary>
    /// Stores the bytes; returns the name they are kept under, or why Storage refused them (its quota on the owner's kept
    /// files, a 413; or too many at once, a 429).
    /// </summary>
    Task<Result<string>> SaveAsync(string ownerId, string fileName, string mediaType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The file's bytes, or null when it is gone.</summary>
    Task<ProofFileContent?> OpenAsync(string storedName, CancellationToken cancellationToken);

    Task DeleteAsync(string storedName, CancellationToken cancellationToken);
}
