using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Payments.Api.Endpoints;
using Payments.Application.Ports;
using Payments.Domain.Transactions;

namespace Payments.Api.Tests;

/// <summary>The Idempotency-Key header on deposits and withdrawals: a retry answers the same and moves no money again.</summary>
public sealed class IdempotencyTests(PaymentsApi api) : IClassFixture<PaymentsApi>
{
    private static HttpRequestMessage Post(string path, JsonObject body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotentRequests.Header, key);
        return request;
    }

    [Fact]
    public async Task The_same_key_and_body_answer_the_same_and_deposit_once()
    {
        var user = api.ClientFor(PaymentsApi.NewId());

        var first = await user.SendAsync(Post("/api/v1/payments/deposit", new JsonObject { ["amount"] = 12.5 }, "dep-1"));
        var again = await user.SendAsync(Post("/api/v1/payments/deposit", new JsonObject { ["amount"] = 12.5 }, "dep-1"));

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        again.StatusCode.Should().Be(HttpStatusCode.Created);
        (await again.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        again.Headers.GetValues(IdempotentRequests.ReplayedHeader).Should().Equal("true");
        first.Headers.Contains(IdempotentRequests.ReplayedHeader).Should().BeFalse();
        (await PaymentsApi.BalanceAsync(user)).Active.Should().Be(12.5m);
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_route_is_a_422()
    {
        var user = api.ClientFor(PaymentsApi.NewId());
        (await user.SendAsync(Post("/api/v1/payments/deposit", new JsonObject { ["amount"] = 10 }, "k"))).StatusCode.Should().Be(HttpStatusCode.Created);

        (await user.SendAsync(Post("/api/v1/payments/deposit", new JsonObject { ["amount"] = 11 }, "k"))).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await user.SendAsync(Post("/api/v1/payments/withdraw", new JsonObject { ["amount"] = 10, ["wallet_address"] = PaymentsApi.TronAddress }, "k")))
            .StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await PaymentsApi.BalanceAsync(user)).Active.Should().Be(10);
        var other = api.ClientFor(PaymentsApi.NewId());
        (await other.SendAsync(Post("/api/v1/payments/deposit", new JsonObject { ["amount"] = 11 }, "k"))).StatusCode
            .Should().Be(HttpStatusCode.Created, "keys are each user's own");
    }

    [Fact]
    public async Task A_withdrawal_retried_with_its_key_is_paid_once_and_a_refusal_is_answered_again()
    {
        var user = api.ClientFor(PaymentsApi.NewId());
        await PaymentsApi.DepositAsync(user, 10);
        var body = new JsonObject { ["amount"] = 6, ["wallet_address"] = PaymentsApi.EvmAddress };

        (await user.SendAsync(Post("/api/v1/payments/withdraw", body.DeepClone().AsObject(), "w-1"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await user.SendAsync(Post("/api/v1/payments/withdraw", body.DeepClone().AsObject(), "w-1"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PaymentsApi.BalanceAsync(user)).Active.Should().Be(4);

        var refused = await user.SendAsync(Post("/api/v1/payments/withdraw", body.DeepClone().AsObject(), "w-2"));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await PaymentsApi.DepositAsync(user, 10);
        var replayed = await user.SendAsync(Post("/api/v1/payments/withdraw", body.DeepClone().AsObject(), "w-2"));
        replayed.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the key's answer stands, though the balance would cover it now");
        (await PaymentsApi.BalanceAsync(user)).Active.Should().Be(14);
    }

    [Fact]
    public async Task Ten_requests_with_one_key_at_once_deposit_once()
    {
        var user = api.ClientFor(PaymentsApi.NewId());

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => user.SendAsync(Post("/api/v1/payments/deposit", new JsonObject { ["amount"] = 3 }, "race"))));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        responses.Should().Contain(r => r.StatusCode == HttpStatusCode.Created);
        (await PaymentsApi.BalanceAsync(user)).Active.Should().Be(3);
    }

    [Fact]
    public async Task A_retry_after_a_crash_resumes_the_deposit_the_key_started()
    {
        var userId = PaymentsApi.NewId();
        var user = api.ClientFor(userId);
        // The first attempt stored its deposit and died before the provider collected it (and before its key was released).
        var started = PaymentTransaction.Deposit(IdempotentRequests.OperationId(userId, "crash"), userId, 7, "sandbox", DateTime.UtcNow);
        await api.Services.GetRequiredService<IPaymentTransactionRepository>().AddAsync(started, CancellationToken.None);

        var retry = await user.SendAsync(Post("/api/v1/payments/deposit", new JsonObject { ["amount"] = 7 }, "crash"));

        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        (await retry.Content.ReadFromJsonAsync<JsonObject>())!["_id"]!.GetValue<string>().Should().Be(started.Id);
        (await PaymentsApi.BalanceAsync(user)).Active.Should().Be(7);
        (await user.GetFromJsonAsync<JsonObject>("/api/v1/payments/withdrawals"))!["total_count"]!.GetValue<long>().Should().Be(1);
    }

    [Fact]
    public async Task A_key_too_long_is_a_400()
    {
        var user = api.ClientFor(PaymentsApi.NewId());
        (await user.SendAsync(Post("/api/v1/payments/deposit", new JsonObject { ["amount"] = 3 }, new string('k', 256)))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await PaymentsApi.BalanceAsync(user)).Active.Should().Be(0);
    }
}
