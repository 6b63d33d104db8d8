using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Payments.Api.Tests;

/// <summary>Routes 47 and 19: a deposit through the sandbox provider becomes spendable at once.</summary>
public sealed class DepositAndBalanceTests(PaymentsApi api) : IClassFixture<PaymentsApi>
{
    [Fact]
    public async Task A_first_deposit_is_the_whole_balance_and_shows_in_history()
    {
        var user = api.ClientFor(PaymentsApi.NewId());
        (await PaymentsApi.BalanceAsync(user)).Should().Be((0m, 0m, 0m));

        var response = await PaymentsApi.DepositAsync(user, 25.50m);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var deposit = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        deposit["payment_type"]!.GetValue<string>().Should().Be("Deposit");
        deposit["amount"]!.GetValue<string>().Should().Be("25.50");
        deposit["status"]!.GetValue<string>().Should().Be("paid");
        deposit["payment_method"]!.GetValue<string>().Should().Be("sandbox");
        (await PaymentsApi.BalanceAsync(user)).Should().Be((25.50m, 25.50m, 0m));

        (await PaymentsApi.DepositAsync(user, 0.01m)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await PaymentsApi.BalanceAsync(user)).Active.Should().Be(25.51m);
        var history = (await user.GetFromJsonAsync<JsonObject>("/api/v1/payments/withdrawals"))!;
        history["total_count"]!.GetValue<long>().Should().Be(2);
        history["total_deposit"]!.GetValue<decimal>().Should().Be(25.51m);
        history["balance"]!.GetValue<decimal>().Should().Be(25.51m);
    }

    [Theory]
    [InlineData("{}", "amount")]
    [InlineData("{\"amount\": \"ten\"}", "amount")]
    [InlineData("{\"amount\": 0}", "amount")]
    [InlineData("{\"amount\": -5}", "amount")]
    [InlineData("{\"amount\": 10.001}", "amount")]
    [InlineData("{\"amount\": 100000.01}", "at most")]
    [InlineData("{\"amount\": 1e30}", "amount")]
    [InlineData("[1]", "error")]
    [InlineData("not json", "error")]
    public async Task Bad_deposits_are_a_400_and_move_nothing(string body, string says)
    {
        var user = api.ClientFor(PaymentsApi.NewId());
        var response = await user.PostAsync("/api/v1/payments/deposit", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(says);
        (await PaymentsApi.BalanceAsync(user)).Active.Should().Be(0);
    }

    [Fact]
    public async Task Money_routes_need_a_token()
    {
        var anonymous = api.CreateClient();
        (await anonymous.GetAsync("/api/v1/users/me/balance")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await PaymentsApi.DepositAsync(anonymous, 5)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await PaymentsApi.WithdrawAsync(anonymous, 5)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/payments/withdrawals")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
