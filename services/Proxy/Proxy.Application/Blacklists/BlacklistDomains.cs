using Platform.Application.Results;
using Proxy.Domain.Blacklists;

namespace Proxy.Application.Blacklists;

/// <summary>
/// The domains a blacklist change names: a non-empty list, each a domain name or an IP address, read into the normal
/// form the lists keep (<see cref="BlacklistHost"/>: an address however it is spelled, canonical).
/// </summary>
public static class BlacklistDomains
{
    public const int MaxPerChange = 1000;
    public const string Empty = "domains must be a non-empty array of domain names";

    public static Result<IReadOnlyList<string>> Read(IReadOnlyList<string>? domains)
    {
        if (domains is not { Count: > 0 }) return Error.Validation(Empty);
        if (domains.Count > MaxPerChange) return Error.Validation($"domains: at most {MaxPerChange} at a time");
        var problems = new List<string>();
        var names = new List<string>();
        foreach (var raw in domains)
        {
            if (BlacklistHost.Normalize(raw) is { } name) names.Add(name);
            else problems.Add($"domains: '{raw}' is not a domain name or an IP address");
        }
        return problems.Count > 0 ? Error.Validation(problems) : names.Distinct(StringComparer.Ordinal).ToList();
    }
}
