using Platform.Persistence;

namespace Payments.Infrastructure.Persistence;

/// <summary>A posting as stored: its id is its key (unique: a cause posts once).</summary>
public sealed class PostingDocument : Document
{
    public string Debit { get; set; } = string.Empty;
    public string Credit { get; set; } = string.Empty;
    public decimal Amount { get; set; }
    public string Cause { get; set; } = string.Empty;
    public DateTime At { get; set; }
    /// <summary>
    /// Unique. For a debit of a user's account, "{account}#{n}": the account's n-th debit, taken only by a debit that read
    /// the balance after debit n-1 (see <see cref="Ledger"/>). Otherwise "free:{key}".
    /// </summary>
    public string DebitSlot { get; set; } = string.Empty;
}
