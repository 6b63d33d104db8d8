using System.Globalization;
using Payments.Application.Ports;
using Payments.Domain.Ledger;
using Platform.Persistence;

namespace Payments.Infrastructure.Persistence;

/// <summary>
/// The ledger in the store: one document per posting, written once by its key and never changed, so every posting is
/// one atomic write on both stores and a replay is a duplicate key. A debit of a user's account takes the account's next
/// debit slot, a unique key: it reads the last slot n, then the balance (every debit up to n, and whatever credits have
/// come), and writes slot n+1 only if the balance covers it. Two debits racing for the same slot can't both be written;
/// the loser reads again. Credits never lower a balance, so they take no slot. Balances are sums of postings.
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
    }

    public async Task<PostingOutcome> PostAsync(Posting posting, CancellationToken cancellationToken)
    {
        if (await _postings.GetAsync(posting.Key, cancellationToken) is not null) return PostingOutcome.AlreadyPosted;
        if (Accounts.MayGoNegative(posting.Debit)) return await TryWriteAsync(posting, $"free:{posting.Key}", cancellationToken) ?? PostingOutcome.AlreadyPosted;

        for (var attempt = 0; attempt < MaxSlotAttempts; attempt++)
        {
            var last = await LastSlotAsync(posting.Debit, cancellationToken);
            if (await BalanceAsync(posting.Debit, cancellationToken) < posting.Amount) return PostingOutcome.Insufficient;
            if (await TryWriteAsync(posting, Slot(posting.Debit, last + 1), cancellationToken) is { } outcome) return outcome;
        }
        throw new InvalidOperationException($"Account {posting.Debit} had its next debit taken {MaxSlotAttempts} times in a row; giving up on {posting.Key}.");
    }

    /// <summary>Posted, already posted (the key exists), or null when another debit took the slot first.</summary>
    private async Task<PostingOutcome?> TryWriteAsync(Posting posting, string slot, CancellationToken cancellationToken)
    {
        try
        {
            await _postings.InsertAsync(new PostingDocument
            {
                Id = posting.Key, Debit = posting.Debit, Credit = posting.Credit, Amount = posting.Amount, Cause = posting.Cause, At = posting.At, DebitSlot = slot,
            }, cancellationToken: cancellationToken);
            return PostingOutcome.Posted;
        }
        catch (DuplicateKeyException e) when (e.Field == nameof(PostingDocument.DebitSlot))
        {
            // The slot was taken: by another debit (read again), or by this very posting written a moment ago.
            return await _postings.GetAsync(posting.Key, cancellationToken) is null ? null : PostingOutcome.AlreadyPosted;
        }
        catch (DuplicateKeyException)
        {
            return PostingOutcome.AlreadyPosted;
        }
    }

    private static string Slot(string account, long n) => $"{account}#{n.ToString("D12", CultureInfo.InvariantCulture)}";

    private async Task<long> LastSlotAsync(string account, CancellationToken cancellationToken)
    {
        var last = await _postings.ListAsync(Filter.StartsWith(nameof(PostingDocument.DebitSlot), account + "#"), new SortBy(nameof(PostingDocument.DebitSlot), Descending: true), 1, cancellationToken);
        return last.Count == 0 ? 0 : long.Parse(last[0].DebitSlot.AsSpan(account.Length + 1), CultureInfo.InvariantCulture);
    }

    public async Task<decimal> BalanceAsync(string account, CancellationToken cancellationToken) =>
        await SumAsync(Filter.Eq(nameof(PostingDocument.Credit), account), cancellationToken)
        - await SumAsync(Filter.Eq(nameof(PostingDocument.Debit), account), cancellationToken);

    public async Task<decimal> BalanceOfAccountsStartingWithAsync(string prefix, CancellationToken cancellationToken) =>
        await SumAsync(Filter.StartsWith(nameof(PostingDocument.Credit), prefix), cancellationToken)
        - await SumAsync(Filter.StartsWith(nameof(PostingDocument.Debit), prefix), cancellationToken);

    /// <summary>The sum of the matching postings' amounts, read in pages.</summary>
    private async Task<decimal> SumAsync(Filter filter, CancellationToken cancellationToken)
    {
        var sum = 0m;
        await foreach (var posting in _postings.ReadAllAsync(filter, PageSize, cancellationToken)) sum += posting.Amount;
        return sum;
    }
}
