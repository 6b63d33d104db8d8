using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Money through the gateway: a deposit through the sandbox provider, a withdrawal to a wallet, the balance and the
/// history; jobs paid for when posted, Jobs asking Payments across the service boundary.
/// </summary>
[Collection(RunningPlatformCollection.Name)]
public sealed class PaymentsTests(RunningPlatform running)
{
    [Fact]
    public async Task A_user_deposits_withdraws_and_sees_both_in_history_and_balance()
    {
        var user = await running.Platform.RegisterAsync("Payer Pat");

        var deposit = await user.Client.PostAsJsonAsync("/api/v1/payments/deposit", new JsonObject { ["amount"] = 20 });
        deposit.StatusCode.Should().Be(HttpStatusCode.Created, await deposit.Content.ReadAsStringAsync());
        var withdraw = await user.Client.PostAsJsonAsync("/api/v1/payments/withdraw",
            new JsonObject { ["amount"] = 5.5, ["wallet_address"] = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t" });
        withdraw.StatusCode.Should().Be(HttpStatusCode.OK, await withdraw.Content.ReadAsStringAsync());
        (await user.Client.PostAsJsonAsync("/api/v1/payments/withdraw", new JsonObject { ["amount"] = 100, ["wallet_address"] = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest, "the balance doesn't cover it");

        var balance = (await user.Client.GetFromJsonAsync<JsonObject>("/api/v1/users/me/balance"))!;
        balance["balance"]!.GetValue<decimal>().Should().Be(14.5m);
        balance["active_balance"]!.GetValue<decimal>().Should().Be(14.5m);
        balance["pending_earnings"]!.GetValue<decimal>().Should().Be(0);
        var history = (await user.Client.GetFromJsonAsync<JsonObject>("/api/v1/payments/withdrawals"))!;
        history["total_count"]!.GetValue<long>().Should().Be(2);
        history["total_withdraw"]!.GetValue<decimal>().Should().Be(-5.5m);
        history["total_deposit"]!.GetValue<decimal>().Should().Be(20);
        history["transactions"]![0]!["amount"]!.GetValue<string>().Should().Be("-5.5");
        (await user.Client.GetFromJsonAsync<JsonObject>("/api/v1/users/me"))!.ContainsKey("rating").Should().BeTrue("users/me stays Identity's");
    }

    [Fact]
    public async Task Of_50_jobs_posted_at_once_against_a_balance_that_covers_10_exactly_10_exist()
    {
        var employer = await running.Platform.RegisterAsync("Racing Rae");
        await employer.DepositAsync(11m);
        var tag = Guid.NewGuid().ToString("N")[..8];

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => employer.Client.PostAsJsonAsync("/api/v1/jobs", new
        {
            title = $"{tag} race {i}", category = "Other", description = "d", proof = "p", duration = 1, positions = 1, job_price = 1,
        })));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).Should().Be(10, "each job costs 1.10 (1.00 and the 10% fee) of 11.00");
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Created).ToList();
        refused.Should().HaveCount(40).And.OnlyContain(a => a.StatusCode == HttpStatusCode.BadRequest);
        (await refused[0].Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().StartWith("Insufficient balance to fund this job");
        (await employer.Client.GetFromJsonAsync<JsonObject>("/api/v1/jobs/mine?limit=100"))!["total"]!.GetValue<long>().Should().Be(10, "a refused post leaves no job");
        (await employer.BalanceAsync()).Should().Be((11m, 0m, 0m), "all of it held for the 10 jobs");
    }

    [Fact]
    public async Task The_payment_providers_webhook_needs_no_token_but_money_routes_do()
    {
        var anonymous = running.Platform.Gateway;

        var webhook = await anonymous.PostAsJsonAsync("/api/v1/payments/webhooks/cryptomus", new { type = "payout", order_id = "x", sign = "y" });
        webhook.StatusCode.Should().Be(HttpStatusCode.NotFound, "it reaches Payments, which takes no Cryptomus webhooks while money moves through the sandboxes");
        (await webhook.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>()
            .Should().Be("No payment provider that sends webhooks is configured here");
        (await anonymous.PostAsJsonAsync("/api/v1/payments/deposit", new { amount = 5 })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var user = await running.Platform.RegisterAsync("Curious Cal");
        (await user.Client.PostAsJsonAsync("/internal/job-funding", new { job_id = "6650f0c2a3b4c5d6e7f80910", positions = 1, job_price = 1 }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound, "internal routes are not routed by the gateway, even with a token");
    }
}
