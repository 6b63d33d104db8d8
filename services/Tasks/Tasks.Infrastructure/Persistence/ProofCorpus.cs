using System.Collections.Concurrent;
using System.Globalization;
using Platform.Persistence;
using Tasks.Application.Ports;

namespace Tasks.Infrastructure.Persistence;

/// <summary>
/// How the proof-uniqueness check keeps employers' proofs: changes younger than <see cref="SettleTime"/> are read from
/// the store on every check; older ones are held in memory, at most <see cref="MaxCachedChars"/> characters in all.
/// </summary>
public sealed record ProofCorpusOptions(TimeSpan SettleTime, long MaxCachedChars)
{
    public ProofCorpusOptions() : this(TimeSpan.FromSeconds(3), 64L * 1024 * 1024)
    {
    }
}

/// <summary>
/// The proof-uniqueness check (route 4) as a bounded scan of the employer's proofs held in memory: an employer's proofs
/// are read once (in pages, by the indexed "employer:write time" key every task write stamps) and from then on only
/// what changed since, so a check costs a read of the recent changes and a scan of lower-cased text, a few milliseconds
/// at 100,000 tasks, and submissions write no word or n-gram index entries.
/// <para>
/// Writes commit out of order by a little (a task's stamp is taken before its write waits for the store), so the memory
/// copy only takes changes older than <see cref="ProofCorpusOptions.SettleTime"/>; the younger ones are searched in the
/// store on each check. A proof replaced (or a task removed) within that time may still be found in its old wording until it settles.
/// Employers least recently checked leave memory when the total passes the budget; an employer whose proofs alone pass
/// it is searched in the store each time (slow, but right). Each service instance keeps its own copy, brought up to
/// date from the store on each check, so instances never disagree for longer than the settle time.
/// </para>
/// </summary>
public sealed class ProofCorpus(IDocumentStore store, ProofCorpusOptions options, TimeProvider clock)
{
    private const int PageSize = 2000;
    private const int MaxRecentMatches = 200;

    private readonly IDocumentCollection<JobTaskDocument> _tasks = store.Collection<JobTaskDocument>(JobTaskRepository.CollectionName);
    private readonly ConcurrentDictionary<string, EmployerProofs> _employers = new(StringComparer.Ordinal);
    private long _cachedChars;

    /// <summary>One employer's settled proofs, lower case, by task id.</summary>
    private sealed class EmployerProofs
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);
        public long Chars { get; set; }
        /// <summary>Changes stamped before this are in <see cref="Texts"/>.</summary>
        public DateTime Through { get; set; } = DateTime.MinValue;
        public long LastUsed { get; set; }
        public bool TooLarge { get; set; }
        /// <summary>Dropped from memory while a check waited for it: that check takes a fresh one.</summary>
        public bool Evicted { get; set; }
    }

    /// <summary>The key a task write stamps: its employer, then the write's time, so one employer's changes are one index range in time order.</summary>
    public static string ChangeKey(string employerId, DateTime at) => $"{employerId}:{at.Ticks.ToString("D19", CultureInfo.InvariantCulture)}";

    /// <summary>The employer's changes stamped at <paramref name="from"/> or later (one range of the indexed key).</summary>
    private static Filter ChangedSince(string employerId, DateTime from) =>
        Filter.Between(nameof(JobTaskDocument.EmployerChange), ChangeKey(employerId, from), Filter.PrefixEnd(employerId + ":"));

    public async Task<bool> ContainsAsync(string employerId, string term, ProofMatch match, CancellationToken cancellationToken)
    {
        var needle = term.ToLowerInvariant();
        var settled = clock.GetUtcNow().UtcDateTime - options.SettleTime;
        if (await RecentContainsAsync(employerId, term, needle, match, settled, cancellationToken)) return true;

        EmployerProofs proofs;
        while (true)
        {
            proofs = _employers.GetOrAdd(employerId, _ => new EmployerProofs());
            await proofs.Gate.WaitAsync(cancellationToken);
            if (!proofs.Evicted) break;
            proofs.Gate.Release();
        }
        try
        {
            proofs.LastUsed = clock.GetTimestamp();
            if (proofs.TooLarge) return await StoredContainsAsync(employerId, term, needle, match, cancellationToken);
            await CatchUpAsync(employerId, proofs, settled, cancellationToken);
            if (proofs.TooLarge) return await StoredContainsAsync(employerId, term, needle, match, cancellationToken);
            foreach (var text in proofs.Texts.Values)
                if (Matches(text, needle, match)) return true;
            return false;
        }
        finally
        {
            proofs.Gate.Release();
            EvictOverBudget(employerId);
        }
    }

    /// <summary>Whether a proof written since <paramref name="settled"/> has the term (the store narrows by text, then the match is judged here).</summary>
    private async Task<bool> RecentContainsAsync(string employerId, string term, string needle, ProofMatch match, DateTime settled, CancellationToken cancellationToken)
    {
        var recent = await _tasks.ListAsync(Filter.And(ChangedSince(employerId, settled), Filter.ContainsText(term, nameof(JobTaskDocument.Proof))),
            null, MaxRecentMatches, cancellationToken);
        return recent.Any(d => !d.Removed && d.Proof is { } proof && Matches(proof.ToLowerInvariant(), needle, match));
    }

    /// <summary>The slow path for an employer too large to hold: every proof of theirs that has the text, in pages.</summary>
    private async Task<bool> StoredContainsAsync(string employerId, string term, string needle, ProofMatch match, CancellationToken cancellationToken)
    {
        var after = ChangeKey(employerId, DateTime.MinValue);
        while (true)
        {
            var page = await _tasks.ListAsync(Filter.And(
                Filter.Between(nameof(JobTaskDocument.EmployerChange), after, Filter.PrefixEnd(employerId + ":")),
                Filter.ContainsText(term, nameof(JobTaskDocument.Proof))), new SortBy(nameof(JobTaskDocument.EmployerChange), false), PageSize, cancellationToken);
            if (page.Any(d => !d.Removed && d.Proof is { } proof && Matches(proof.ToLowerInvariant(), needle, match))) return true;
            if (page.Count < PageSize) return false;
            after = page[^1].EmployerChange + "\0";
        }
    }

    /// <summary>Takes in the employer's changes stamped from <c>Through</c> up to <paramref name="settled"/>, oldest first.</summary>
    private async Task CatchUpAsync(string employerId, EmployerProofs proofs, DateTime settled, CancellationToken cancellationToken)
    {
        if (settled <= proofs.Through) return;
        var from = ChangeKey(employerId, proofs.Through);
        var to = ChangeKey(employerId, settled);
        while (true)
        {
            var page = await _tasks.ListAsync(Filter.Between(nameof(JobTaskDocument.EmployerChange), from, to), new SortBy(nameof(JobTaskDocument.EmployerChange), false), PageSize, cancellationToken);
            foreach (var task in page)
            {
                // The range's upper end is inclusive; a change stamped exactly at it waits for the next catch-up.
                if (string.CompareOrdinal(task.EmployerChange, to) >= 0) continue;
                Take(proofs, task);
            }
            if (proofs.Chars > options.MaxCachedChars)
            {
                Interlocked.Add(ref _cachedChars, -proofs.Chars);
                proofs.Texts.Clear();
                proofs.Chars = 0;
                proofs.TooLarge = true;
                return;
            }
            if (page.Count < PageSize) break;
            from = page[^1].EmployerChange + "\0";
        }
        proofs.Through = settled;
    }

    private void Take(EmployerProofs proofs, JobTaskDocument task)
    {
        if (proofs.Texts.Remove(task.Id, out var old)) Resize(proofs, -old.Length);
        if (task.Removed || string.IsNullOrEmpty(task.Proof)) return;
        var text = task.Proof.ToLowerInvariant();
        proofs.Texts[task.Id] = text;
        Resize(proofs, text.Length);
    }

    private void Resize(EmployerProofs proofs, long chars)
    {
        proofs.Chars += chars;
        Interlocked.Add(ref _cachedChars, chars);
    }

    /// <summary>Drops the employers least recently checked (never <paramref name="current"/>) while memory holds more than the budget.</summary>
    private void EvictOverBudget(string current)
    {
        if (Interlocked.Read(ref _cachedChars) <= options.MaxCachedChars) return;
        foreach (var (employerId, proofs) in _employers.OrderBy(e => e.Value.LastUsed).ToList())
        {
            if (Interlocked.Read(ref _cachedChars) <= options.MaxCachedChars) return;
            if (employerId == current || !proofs.Gate.Wait(0)) continue;
            try
            {
                if (_employers.TryRemove(new KeyValuePair<string, EmployerProofs>(employerId, proofs)))
                {
                    proofs.Evicted = true;
                    Interlocked.Add(ref _cachedChars, -proofs.Chars);
                }
            }
            finally
            {
                proofs.Gate.Release();
            }
        }
    }

    /// <summary>
    /// Whether lower-cased <paramref name="text"/> has <paramref name="needle"/>: anywhere, or as whole words (no letter
    /// or digit right before or after it).
    /// </summary>
    public static bool Matches(string text, string needle, ProofMatch match)
    {
        if (match == ProofMatch.Substring) return text.Contains(needle, StringComparison.Ordinal);
        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            var end = at + needle.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]))) return true;
        }
        return false;
    }
}
