using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Payments.Infrastructure.Persistence;
using Platform.Contracts.Payments;
using Platform.Persistence;

namespace Payments.Api.Tests;

/// <summary>Routes 17 and 18: withdrawals to TRON and EVM wallets, never below zero, and the history.</summary>
public sealed class WithdrawalTests(PaymentsApi api) : IClassFixture<PaymentsApi>
{
    [Fact]
    public async Task A_withdrawal_is_paid_and_shows_negative_in_history()
    {
        var userId = PaymentsApi.NewId();
        var user = api.ClientFor(userId);
        await PaymentsApi.DepositAsync(user, 40);

        var response = await PaymentsApi.WithdrawAsync(user, 10, PaymentsApi.EvmAddress);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["msg"]!.GetValue<string>().Should().Be("withdraw done");
        (await PaymentsApi.WithdrawAsync(user, 5.25m, PaymentsApi.TronAddress)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PaymentsApi.BalanceAsync(user)).Should().Be((24.75m, 24.75m, 0m));

        var history = (await user.GetFromJsonAsync<JsonObject>("/api/v1/payments/withdrawals?limit=2"))!;
        history["total_count"]!.GetValue<long>().Should().Be(3);
        history["page"]!.GetValue<int>().Should().Be(1);
        history["total_withdraw"]!.GetValue<decimal>().Should().Be(-15.25m);
        history["total_deposit"]!.GetValue<decimal>().Should().Be(40);
        history["balance"]!.GetValue<decimal>().Should().Be(24.75m);
        var newest = history["transactions"]!.AsArray().Select(t => t!.AsObject()).ToList();
        newest.Should().HaveCount(2);
        newest[0]["amount"]!.GetValue<string>().Should().Be("-5.25", "newest first, withdrawals negative");
        newest[0]["wallet_address"]!.GetValue<string>().Should().Be(PaymentsApi.TronAddress);
        newest[0]["network"]!.GetValue<string>().Should().Be("tron");
        newest[0]["status"]!.GetValue<string>().Should().Be("paid");
        newest[0]["user_id"]!.GetValue<string>().Should().Be(userId);
        newest[1]["network"]!.GetValue<string>().Should().Be("evm");
        (await api.PublishedAsync<WithdrawalCompleted>(e => e.UserId == userId && e.Amount == 10)).Network.Should().Be("evm");
    }

    [Theory]
    [InlineData("{\"wallet_address\": \"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\"}", "amount")]
    [InlineData("{\"amount\": 5}", "wallet_address")]
    [InlineData("{\"amount\": \"5\", \"wallet_address\": \"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\"}", "amount")]
    [InlineData("{\"amount\": 0.5, \"wallet_address\": \"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\"}", "minimum payout")]
    [InlineData("{\"amount\": 5.555, \"wallet_address\": \"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\"}", "amount")]
    [InlineData("{\"amount\": 5, \"wallet_address\": \"0x1234567890abcdef\"}", "TRON address")]
    [InlineData("{\"amount\": 5, \"wallet_address\": \"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD\"}", "EIP-55")]
    [InlineData("{\"amount\": 5, \"wallet_address\": \"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T\"}", "checksum")]
    [InlineData("{\"amount\": 5, \"wallet_address\": 42}", "wallet_address")]
    [InlineData("{\"amount\": 500, \"wallet_address\": \"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\"}", "Insufficient balance")]
    public async Task Bad_or_uncovered_withdrawals_are_a_400_and_leave_no_transaction(string body, string says)
    {
        var user = api.ClientFor(PaymentsApi.NewId());
        await PaymentsApi.DepositAsync(user, 20);

        var response = await user.PostAsync("/api/v1/payments/withdraw", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(says);
        (await PaymentsApi.BalanceAsync(user)).Active.Should().Be(20);
        var history = (await user.GetFromJsonAsync<JsonObject>("/api/v1/payments/withdrawals"))!;
        history["transactions"]!.AsArray().Should().ContainSingle("only the deposit shows");
    }

    [Fact]
    public async Task Fifty_withdrawals_of_the_whole_balance_raced_let_exactly_one_through()
    {
        var user = api.ClientFor(PaymentsApi.NewId());
        await PaymentsApi.DepositAsync(user, 10);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PaymentsApi.WithdrawAsync(user, 10)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest).Should().Be(49);
        (await PaymentsApi.BalanceAsync(user)).Active.Should().Be(0);
        var history = (await user.GetFromJsonAsync<JsonObject>("/api/v1/payments/withdrawals"))!;
        history["transactions"]!.AsArray().Count(t => t!["payment_type"]!.GetValue<string>() == "Withdrawal").Should().Be(1);
    }

    [Fact]
    public async Task Raced_withdrawals_that_the_balance_covers_all_pass()
    {
        var user = api.ClientFor(PaymentsApi.NewId());
        await PaymentsApi.DepositAsync(user, 30);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PaymentsApi.WithdrawAsync(user, 2)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(15);
        (await PaymentsApi.BalanceAsync(user)).Active.Should().Be(0);
    }

    [Fact]
    public async Task A_user_without_transactions_gets_the_references_404_and_sees_no_one_elses()
    {
        var other = api.ClientFor(PaymentsApi.NewId());
        await PaymentsApi.DepositAsync(other, 5);
        var user = api.ClientFor(PaymentsApi.NewId());

        var response = await user.GetAsync("/api/v1/payments/withdrawals");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().Should().Be("No transactions found");
        (await user.GetAsync("/api/v1/payments/withdrawals?page=0")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await user.GetAsync("/api/v1/payments/withdrawals?limit=abc")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_balance_recomputed_from_the_postings_matches_and_the_ledger_sums_to_zero()
    {
        var user = api.ClientFor(PaymentsApi.NewId());
        await PaymentsApi.DepositAsync(user, 12);
        await PaymentsApi.WithdrawAsync(user, 7);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PaymentsApi.WithdrawAsync(user, 1)));

        (await PaymentsApi.BalanceAsync(user)).Active.Should().Be(0, "five of the twenty raced withdrawals fit");
        await api.ExpectLedgerAddsUpAsync();
    }
}
