using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Application.Ids;
using Platform.Testing;

namespace Payments.Api.Tests;

/// <summary>The Payments service in memory, with helpers that speak its wire format.</summary>
public class PaymentsApi : ServiceFactory<Program>
{
    public const string TronAddress = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    public const string EvmAddress = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    public static string NewId() => ObjectIds.New();

    public static async Task<HttpResponseMessage> DepositAsync(HttpClient user, decimal amount) =>
        await user.PostAsJsonAsync("/api/v1/payments/deposit", new JsonObject { ["amount"] = amount });

    public static async Task<HttpResponseMessage> WithdrawAsync(HttpClient user, decimal amount, string address = TronAddress) =>
        await user.PostAsJsonAsync("/api/v1/payments/withdraw", new JsonObject { ["amount"] = amount, ["wallet_address"] = address });

    public static async Task<(decimal Balance, decimal Active, decimal Pending)> BalanceAsync(HttpClient user)
    {
        var body = (await user.GetFromJsonAsync<JsonObject>("/api/v1/users/me/balance"))!;
        return (body["balance"]!.GetValue<decimal>(), body["active_balance"]!.GetValue<decimal>(), body["pending_earnings"]!.GetValue<decimal>());
    }
}
