using System.Text.RegularExpressions;

namespace Storage.Application.Files;

/// <summary>Media types as stored: a well-formed "type/subtype" the uploader declared, lower-case, else application/octet-stream.</summary>
public static partial class MediaTypes
{
    public const string Binary = "application/octet-stream";

    public static string Normalize(string? declared)
    {
        var type = declared?.Split(';')[0].Trim().ToLowerInvariant();
        return type is not null && WellFormed().IsMatch(type) ? type : Binary;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();
}
