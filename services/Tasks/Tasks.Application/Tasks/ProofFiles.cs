using Platform.Application.Files;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Jobs;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Tasks;

/// <summary>A proof file decoded and checked against its field: the bytes and the type they were sniffed as.</summary>
public sealed record DecodedProofFile(ProofFileField Field, string FileName, string MediaType, byte[] Content);

/// <summary>
/// A submission's proof files against the job's declared file fields: each fills a declared field once, decodes from
/// base64 to at most 5 MB, and has a type (sniffed from the bytes) the field accepts; every required field is filled.
/// Stored through the proof-file store, and deleted there when their task no longer needs them.
/// </summary>
public sealed class ProofFiles(IProofFileStore store)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxFileNameLength = 255;

    public static Result<IReadOnlyList<DecodedProofFile>> Read(Job job, IReadOnlyList<ProofFileUpload> uploads)
    {
        var fields = job.Gates.Files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        var decoded = new List<DecodedProofFile>();
        foreach (var upload in uploads)
        {
            if (!fields.TryGetValue(upload.FieldName, out var field))
            {
                problems.Add(fields.Count == 0
                    ? "This job takes no proof files"
                    : $"proof_files_base64: '{upload.FieldName}' is not one of this job's file fields ({string.Join(", ", fields.Keys)})");
                continue;
            }
            if (decoded.Any(d => d.Field.Name == field.Name))
            {
                problems.Add($"proof_files_base64: '{field.Name}' is given more than once");
                continue;
            }
            if (Decode(upload.Content, $"proof_files_base64: '{field.Name}'", out var content) is { } undecodable)
            {
                problems.Add(undecodable);
                continue;
            }
            var type = MediaSniffer.Sniff(content);
            if (!field.Accepts(type))
            {
                problems.Add($"proof_files_base64: '{field.Name}' is {type}; the field takes {string.Join(", ", field.Types)}");
                continue;
            }
            decoded.Add(new DecodedProofFile(field, FileNameOf(upload.FileName, field.Name), type, content));
        }
        foreach (var field in job.Gates.Files.Where(f => f.Required && uploads.All(u => u.FieldName != f.Name)))
            problems.Add($"proof_files_base64: the file '{field.Name}' is required");
        return problems.Count > 0 ? Error.Validation(problems) : decoded;
    }

    /// <summary>
    /// The file's bytes in <paramref name="content"/> (decoded as the request was read); otherwise why there are none
    /// (not base64, or over 5 MB decoded), naming the file as <paramref name="what"/>.
    /// </summary>
    public static string? Decode(Base64File file, string what, out byte[] content)
    {
        content = file.Bytes ?? [];
        return file.Problem switch
        {
            null when content.Length > MaxBytes => $"{what} is larger than 5 MB",
            null => null,
            Base64Problem.TooLarge => $"{what} is larger than 5 MB",
            _ => $"{what} is not valid base64",
        };
    }

    /// <summary>Stores every file, or none: a file Storage refuses (its quota) takes back those stored before it, and its refusal is the answer.</summary>
    public async Task<Result<IReadOnlyList<ProofFile>>> StoreAsync(string ownerId, IReadOnlyList<DecodedProofFile> files, CancellationToken cancellationToken)
    {
        var stored = new List<ProofFile>();
        try
        {
            foreach (var file in files)
            {
                var name = await store.SaveAsync(ownerId, file.FileName, file.MediaType, file.Content, cancellationToken);
                if (!name.IsSuccess)
                {
                    await DeleteAsync(stored);
                    return name.Error!;
                }
                stored.Add(new ProofFile(file.Field.Name, file.FileName, file.MediaType, file.Content.Length, name.Value));
            }
            return stored;
        }
        catch
        {
            await DeleteAsync(stored);
            throw;
        }
    }

    /// <summary>Deletes the files' bytes; a file already gone is no error.</summary>
    public async Task DeleteAsync(IReadOnlyList<ProofFile> files)
    {
        foreach (var file in files) await store.DeleteAsync(file.StoredName, CancellationToken.None);
    }

    /// <summary>The name the worker gave, without any folder part and at most 255 characters (shown back, never used as a path).</summary>
    private static string FileNameOf(string? name, string fallback)
    {
        var last = string.IsNullOrWhiteSpace(name) ? fallback : name.Replace('\\', '/').Split('/')[^1];
        last = string.Concat(last.Where(c => !char.IsControl(c)));
        return last.Length == 0 ? fallback : last.Length > MaxFileNameLength ? last[..MaxFileNameLength] : last;
    }
}
