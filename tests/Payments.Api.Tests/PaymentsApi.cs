using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Payments.Application.Ports;
using Payments.Domain.Ledger;
using Payments.Infrastructure.Persistence;
using Platform.Application.Ids;
using Platform.Persistence;
using Platform.Testing;

namespace Payments.Api.Tests;

/// <summary>The Payments service in memory, with helpers that speak its wire format.</summary>
public class PaymentsApi : ServiceFactory<Program>
{
    public const string TronAddress = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    public const string EvmAddress = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    public static string NewId() => ObjectIds.New();

    /// <summary>Local runs' providers, named as the app host names them: the sandbox for deposits and payouts.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Payments:DepositProvider", "sandbox");
        builder.UseSetting("Payments:PayoutProvider", "sandbox");
    }

    public static async Task<HttpResponseMessage> DepositAsync(HttpClient user, decimal amount) =>
        await user.PostAsJsonAsync("/api/v1/payments/deposit", new JsonObject { ["amount"] = amount });

    public static async Task<HttpResponseMessage> WithdrawAsync(HttpClient user, decimal amount, string address = TronAddress) =>
        await user.PostAsJsonAsync("/api/v1/payments/withdraw", new JsonObject { ["amount"] = amount, ["wallet_address"] = address });

    /// <summary>Jobs asks Payments to fund a job (the internal route, with the employer's token).</summary>
    public static async Task<HttpResponseMessage> FundJobAsync(HttpClient employer, string jobId, int positions, decimal jobPrice) =>
        await employer.PostAsJsonAsync("/internal/job-funding", new JsonObject { ["job_id"] = jobId, ["positions"] = positions, ["job_price"] = jobPrice });

    /// <summary>A user with <paramref name="amount"/> deposited.</summary>
    public async Task<(string Id, HttpClient Client)> UserWithAsync(decimal amount)
    {
        var id = NewId();
        var client = ClientFor(id);
        if (amount > 0) (await DepositAsync(client, amount)).EnsureSuccessStatusCode();
        return (id, client);
    }

    /// <summary>Every account's balance recomputed from all the postings in the store, with no help from the service's own sums.</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> RecomputedBalancesAsync()
    {
        var balances = new Dictionary<string, decimal>();
        var postings = Services.GetRequiredService<IDocumentStore>().Collection<PostingDocument>(Ledger.CollectionName);
        await foreach (var posting in postings.ReadAllAsync(Filter.All))
        {
            balances[posting.Debit] = balances.GetValueOrDefault(posting.Debit) - posting.Amount;
            balances[posting.Credit] = balances.GetValueOrDefault(posting.Credit) + posting.Amount;
        }
        return balances;
    }

    /// <summary>
    /// Every account recomputed from the postings: the ledger sums to zero, no user's account is below zero, and the
    /// balance the ledger keeps of each account (its slot chains' totals) is that sum, as is what each user's holds come to.
    /// </summary>
    public async Task ExpectLedgerAddsUpAsync()
    {
        var recomputed = await RecomputedBalancesAsync();
        recomputed.Values.Sum().Should().Be(0m);
        recomputed.Where(b => !Accounts.MayGoNegative(b.Key)).Should().OnlyContain(b => b.Value >= 0);
        var ledger = Services.GetRequiredService<ILedger>();
        foreach (var (account, balance) in recomputed)
            (await ledger.BalanceAsync(account, CancellationToken.None)).Should().Be(balance, $"the ledger's balance of {account} is the sum of its postings");
        foreach (var holder in recomputed.Keys.Select(Accounts.HolderOf).OfType<string>().Distinct())
            (await ledger.HeldForAsync(holder, CancellationToken.None)).Should().Be(
                recomputed.Where(b => Accounts.HolderOf(b.Key) == holder).Sum(b => b.Value), $"what {holder}'s holds come to is the sum of their postings");
    }

    public static async Task<(decimal Balance, decimal Active, decimal Pending)> BalanceAsync(HttpClient user)
    {
        var body = (await user.GetFromJsonAsync<JsonObject>("/api/v1/users/me/balance"))!;
        return (body["balance"]!.GetValue<decimal>(), body["active_balance"]!.GetValue<decimal>(), body["pending_earnings"]!.GetValue<decimal>());
    }
}
