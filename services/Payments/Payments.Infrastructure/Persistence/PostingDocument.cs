using Platform.Persistence;

namespace Payments.Infrastructure.Persistence;

/// <summary>
/// A posting as stored: its id is its key (unique: a cause posts once). On a user's account every posting takes the
/// account's next debit or credit slot and carries the account's running total of debits or credits, so a balance is
/// two index lookups (see <see cref="Ledger"/>).
/// </summary>
public sealed class PostingDocument : Document
{
    public string Debit { get; set; } = string.Empty;
    public string Credit { get; set; } = string.Empty;
    public decimal Amount { get; set; }
    public string Cause { get; set; } = string.Empty;
    public DateTime At { get; set; }

    /// <summary>
    /// Unique. For a debit of a user's account, "{account}#d#{n}": the account's n-th debit, taken only by a debit that
    /// read the balance after debit n-1. Otherwise (a platform account) "free:{key}".
    /// </summary>
    public string DebitSlot { get; set; } = string.Empty;

    /// <summary>The debited user account's debits up to and including this one (0 for a platform account).</summary>
    public decimal DebitTotal { get; set; }

    /// <summary>Unique. For a credit of a user's account, "{account}#c#{n}": its n-th credit. Otherwise "free:{key}".</summary>
    public string CreditSlot { get; set; } = string.Empty;

    /// <summary>The credited user account's credits up to and including this one (0 for a platform account).</summary>
    public decimal CreditTotal { get; set; }

    /// <summary>
    /// Unique. For a posting into or out of one of a user's job holds, "{user}#h#{n}": the n-th movement of that user's
    /// holds taken together. Otherwise "free:{key}". (No posting moves money between two holds.)
    /// </summary>
    public string HoldSlot { get; set; } = string.Empty;

    /// <summary>What all the user's holds come to after this posting (0 when it touches no hold).</summary>
    public decimal HoldTotal { get; set; }
}
