using System.Globalization;
using Payments.Application.Ports;
using Payments.Domain.Ledger;
using Platform.Persistence;

namespace Payments.Infrastructure.Persistence;

/// <summary>
/// The ledger in the store: one document per posting, written once by its key and never changed, so every posting is
/// one atomic write on both stores and a replay is a duplicate key. Each user account keeps two chains in its postings:
/// its debits, numbered by a unique debit slot ("{account}#d#{n}"), and its credits, numbered by a unique credit slot
/// ("{account}#c#{n}"); each posting carries the account's running total of the chain it extends. A balance is the last
/// credit's total less the last debit's total: two index lookups, however many postings the account has. A debit reads
/// both, and writes slot n+1 only if the balance covers it; two postings racing for one slot can't both be written, and
/// the loser reads again, so a user's account never goes below zero. A credit read late only understates the balance.
/// The platform's accounts (which may run negative) take no slots: their balances are sums of postings. A third chain
/// per user runs through the postings into and out of their job holds ("{user}#h#{n}", with the holds' running total),
/// so what a user's jobs hold in all is one lookup too.
/// </summary>
public sealed class Ledger(IDocumentStore store) : ILedger
{
    public const string CollectionName = "postings";
    private const int PageSize = 5000;
    private const int MaxSlotAttempts = 200;

    private readonly IDocumentCollection<PostingDocument> _postings = store.Collection<PostingDocument>(CollectionName);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var postings = store.Collection<PostingDocument>(CollectionName);
        await postings.EnsureIndexAsync(new IndexDefinition(nameof(PostingDocument.Debit)), cancellationToken);
        await postings.EnsureIndexAsync(new IndexDefinition(nameof(PostingDocument.Credit)), cancellationToken);
        await postings.EnsureIndexAsync(new IndexDefinition(nameof(PostingDocument.DebitSlot), Unique: true), cancellationToken);
        await postings.EnsureIndexAsync(new IndexDefinition(nameof(PostingDocument.CreditSlot), Unique: true), cancellationToken);
        await postings.EnsureIndexAsync(new IndexDefinition(nameof(PostingDocument.HoldSlot), Unique: true), cancellationToken);
    }

    public async Task<PostingOutcome> PostAsync(Posting posting, CancellationToken cancellationToken)
    {
        // A slot lost to another posting is found out by TryWriteAsync, which also tells a replay of this one apart.
        if (await _postings.GetAsync(posting.Key, cancellationToken) is not null) return PostingOutcome.AlreadyPosted;
        for (var attempt = 0; attempt < MaxSlotAttempts; attempt++)
        {
            var document = new PostingDocument
            {
                Id = posting.Key, Debit = posting.Debit, Credit = posting.Credit, Amount = posting.Amount, Cause = posting.Cause, At = posting.At,
                DebitSlot = Free(posting.Key), CreditSlot = Free(posting.Key), HoldSlot = Free(posting.Key),
            };
            if (HasChains(posting.Debit))
            {
                var debits = await LastAsync(posting.Debit, Debits, cancellationToken);
                var credits = await LastAsync(posting.Debit, Credits, cancellationToken);
                if (credits.Total - debits.Total < posting.Amount) return PostingOutcome.Insufficient;
                (document.DebitSlot, document.DebitTotal) = (Slot(posting.Debit, Debits, debits.Slot + 1), debits.Total + posting.Amount);
            }
            if (HasChains(posting.Credit))
            {
                var credits = await LastAsync(posting.Credit, Credits, cancellationToken);
                (document.CreditSlot, document.CreditTotal) = (Slot(posting.Credit, Credits, credits.Slot + 1), credits.Total + posting.Amount);
            }
            if ((Accounts.HolderOf(posting.Credit) ?? Accounts.HolderOf(posting.Debit)) is { } holder)
            {
                var holds = await LastAsync(holder, Holds, cancellationToken);
                var change = Accounts.HolderOf(posting.Credit) is null ? -posting.Amount : posting.Amount;
                (document.HoldSlot, document.HoldTotal) = (Slot(holder, Holds, holds.Slot + 1), holds.Total + change);
            }
            if (await TryWriteAsync(document, cancellationToken) is { } outcome) return outcome;
        }
        throw new InvalidOperationException($"The slots of {posting.Debit} or {posting.Credit} were taken {MaxSlotAttempts} times in a row; giving up on {posting.Key}.");
    }

    /// <summary>Posted, already posted (the key exists), or null when another posting took one of its slots first.</summary>
    private async Task<PostingOutcome?> TryWriteAsync(PostingDocument document, CancellationToken cancellationToken)
    {
        try
        {
            await _postings.InsertAsync(document, cancellationToken: cancellationToken);
            return PostingOutcome.Posted;
        }
        catch (DuplicateKeyException e) when (e.Field is nameof(PostingDocument.DebitSlot) or nameof(PostingDocument.CreditSlot) or nameof(PostingDocument.HoldSlot))
        {
            // The slot was taken: by another posting (read again), or by this very posting written a moment ago.
            return await _postings.GetAsync(document.Id, cancellationToken) is null ? null : PostingOutcome.AlreadyPosted;
        }
        catch (DuplicateKeyException)
        {
            return PostingOutcome.AlreadyPosted;
        }
    }

    public async Task<Posting?> FindAsync(string key, CancellationToken cancellationToken) =>
        await _postings.GetAsync(key, cancellationToken) is { } d ? Posting.Restore(d.Id, d.Debit, d.Credit, d.Amount, d.Cause, d.At) : null;

    public async Task<decimal> BalanceAsync(string account, CancellationToken cancellationToken)
    {
        if (!HasChains(account))
            return await SumAsync(Filter.Eq(nameof(PostingDocument.Credit), account), cancellationToken)
                - await SumAsync(Filter.Eq(nameof(PostingDocument.Debit), account), cancellationToken);
        return (await LastAsync(account, Credits, cancellationToken)).Total - (await LastAsync(account, Debits, cancellationToken)).Total;
    }

    public async IAsyncEnumerable<Posting> CreditsAsync(string account, string cause, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = Filter.And(Filter.Eq(nameof(PostingDocument.Credit), account), Filter.Eq(nameof(PostingDocument.Cause), cause));
        await foreach (var d in _postings.ReadAllAsync(filter, PageSize, cancellationToken))
            yield return Posting.Restore(d.Id, d.Debit, d.Credit, d.Amount, d.Cause, d.At);
    }

    public async Task<decimal> HeldForAsync(string userId, CancellationToken cancellationToken) =>
        (await LastAsync(userId, Holds, cancellationToken)).Total;

    /// <summary>A user's accounts keep slot chains; the platform's (which may run negative) don't.</summary>
    private static bool HasChains(string account) => !Accounts.MayGoNegative(account);

    private const string Debits = "d";
    private const string Credits = "c";
    private const string Holds = "h";

    private static string Free(string key) => $"free:{key}";

    private static string Slot(string account, string chain, long n) => $"{account}#{chain}#{n.ToString("D12", CultureInfo.InvariantCulture)}";

    /// <summary>The last slot of an account's debit or credit chain, or of a user's holds chain, and the chain's total there (0 and 0 for none yet).</summary>
    private async Task<(long Slot, decimal Total)> LastAsync(string owner, string chain, CancellationToken cancellationToken)
    {
        var field = chain switch
        {
            Debits => nameof(PostingDocument.DebitSlot),
            Credits => nameof(PostingDocument.CreditSlot),
            _ => nameof(PostingDocument.HoldSlot),
        };
        var prefix = $"{owner}#{chain}#";
        var last = await _postings.ListAsync(Filter.StartsWith(field, prefix), new SortBy(field, Descending: true), 1, cancellationToken);
        if (last.Count == 0) return (0, 0m);
        var (slot, total) = chain switch
        {
            Debits => (last[0].DebitSlot, last[0].DebitTotal),
            Credits => (last[0].CreditSlot, last[0].CreditTotal),
            _ => (last[0].HoldSlot, last[0].HoldTotal),
        };
        return (long.Parse(slot.AsSpan(prefix.Length), CultureInfo.InvariantCulture), total);
    }

    /// <summary>The sum of the matching postings' amounts, read in pages.</summary>
    private async Task<decimal> SumAsync(Filter filter, CancellationToken cancellationToken)
    {
        var sum = 0m;
        await foreach (var posting in _postings.ReadAllAsync(filter, PageSize, cancellationToken)) sum += posting.Amount;
        return sum;
    }
}
