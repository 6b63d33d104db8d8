using System.Globalization;
using Payments.Application.Ports;
using Payments.Domain.Transactions;
using Platform.Application.Events;
using Platform.Application.Paging;
using Platform.Persistence;
using Platform.Persistence.Outbox;

namespace Payments.Infrastructure.Persistence;

/// <summary>Deposits and withdrawals in their documents; each write carries the integration events the transaction recorded.</summary>
public sealed class PaymentTransactionRepository(IDocumentStore store, IIntegrationEventMap events) : IPaymentTransactionRepository
{
    public const string CollectionName = "payment_transactions";
    private const int PageSize = 5000;

    private readonly IDocumentCollection<PaymentTransactionDocument> _transactions = store.Collection<PaymentTransactionDocument>(CollectionName);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var transactions = store.Collection<PaymentTransactionDocument>(CollectionName);
        await transactions.EnsureIndexAsync(new IndexDefinition(nameof(PaymentTransactionDocument.ShownKey)), cancellationToken);
        await transactions.EnsureIndexAsync(new IndexDefinition(nameof(PaymentTransactionDocument.NextCheckAt)), cancellationToken);
    }

    public async Task AddAsync(PaymentTransaction transaction, CancellationToken cancellationToken)
    {
        var document = ToDocument(transaction);
        await _transactions.InsertAsync(document, OutboxMessages.From(events.TakeFrom(transaction)), cancellationToken);
        transaction.MarkStored(document.Version);
    }

    public async Task<bool> TrySaveAsync(PaymentTransaction transaction, CancellationToken cancellationToken)
    {
        var document = ToDocument(transaction);
        if (!await _transactions.TryReplaceAsync(document, OutboxMessages.From(events.TakeFrom(transaction)), cancellationToken)) return false;
        transaction.MarkStored(document.Version);
        return true;
    }

    public async Task<PaymentTransaction?> GetAsync(string id, CancellationToken cancellationToken) =>
        await _transactions.GetAsync(id, cancellationToken) is { } d ? ToDomain(d) : null;

    public async Task<PagedList<PaymentTransaction>> ListShownAsync(string userId, PageRequest page, CancellationToken cancellationToken)
    {
        var found = await _transactions.FindAsync(ShownOf(userId), new SortBy(nameof(PaymentTransactionDocument.ShownKey), Descending: true), page.Skip, page.Limit,
            cancellationToken);
        return new PagedList<PaymentTransaction>(found.Items.Select(ToDomain).ToList(), found.Total, page.Page, page.Limit);
    }

    public async Task<(decimal Deposited, decimal Withdrawn)> TotalsAsync(string userId, CancellationToken cancellationToken)
    {
        decimal deposited = 0, withdrawn = 0;
        await foreach (var d in _transactions.ReadAllAsync(ShownOf(userId), PageSize, cancellationToken))
        {
            if (d.Type == nameof(PaymentType.Deposit) && d.Status == Word(TransactionStatus.Paid)) deposited += d.Amount;
            if (d.Type == nameof(PaymentType.Withdrawal) && d.Status != Word(TransactionStatus.Failed)) withdrawn += d.Amount;
        }
        return (deposited, withdrawn);
    }

    /// <summary>The index holds every transaction; those settled have no time to check (null), which the lower bound leaves out in both stores.</summary>
    public async Task<IReadOnlyList<PaymentTransaction>> ListDueForCheckAsync(DateTime now, int limit, CancellationToken cancellationToken) =>
        (await _transactions.ListAsync(Filter.Between(nameof(PaymentTransactionDocument.NextCheckAt), DateTime.UnixEpoch, now),
            new SortBy(nameof(PaymentTransactionDocument.NextCheckAt), Descending: false), limit, cancellationToken)).Select(ToDomain).ToList();

    private static Filter ShownOf(string userId) => Filter.StartsWith(nameof(PaymentTransactionDocument.ShownKey), userId + ":");

    private static string Word(TransactionStatus status) => status.ToString().ToLowerInvariant();

    private static PaymentTransactionDocument ToDocument(PaymentTransaction t) => new()
    {
        Id = t.Id,
        Version = t.Version,
        UserId = t.UserId,
        Type = t.Type.ToString(),
        Method = t.Method,
        Amount = t.Amount,
        WalletAddress = t.WalletAddress,
        Network = t.Network,
        Status = Word(t.Status),
        ShownKey = t.IsShown ? $"{t.UserId}:{t.Created.Ticks.ToString("D19", CultureInfo.InvariantCulture)}:{t.Id}" : null,
        Reason = t.Reason,
        ProviderReference = t.ProviderReference,
        PaymentUrl = t.PaymentUrl,
        NextCheckAt = t.NextCheckAt,
        ProviderChecks = t.ProviderChecks,
        Created = t.Created,
        Updated = t.Updated,
        Processed = t.Processed,
    };

    private static PaymentTransaction ToDomain(PaymentTransactionDocument d) => PaymentTransaction.Restore(d.Id, d.UserId, Enum.Parse<PaymentType>(d.Type), d.Method,
        d.Amount, d.WalletAddress, d.Network, Enum.Parse<TransactionStatus>(d.Status, ignoreCase: true), d.Reason, d.ProviderReference, d.Created, d.Updated,
        d.Processed, d.Version, d.PaymentUrl, d.NextCheckAt, d.ProviderChecks);
}
