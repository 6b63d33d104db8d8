using System.Security.Claims;
using Mediator;
using Payments.Api.Contracts;
using Payments.Application.Balances;
using Payments.Application.Deposits;
using Payments.Application.Withdrawals;
using Platform.Api;
using Platform.Api.Binding;

namespace Payments.Api.Endpoints;

/// <summary>Routes 17, 18, 19 and 47: each binds its contract, sends one use case and maps the result.</summary>
public static class PaymentEndpoints
{
    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/api/v1/payments").WithTags("Payments");
        payments.MapPost("/withdraw", Withdraw).WithName("Withdraw")
            .Produces<WithdrawResponse>().Produces<ErrorBody>(400).Produces<ErrorBody>(409).Produces<ErrorBody>(422)
            .WithSummary("Withdraw from the available balance to a TRON or EVM wallet. An Idempotency-Key header makes a retry safe.");
        payments.MapGet("/withdrawals", History).WithName("ListTransactions")
            .Produces<TransactionHistoryResponse>().Produces<ErrorBody>(400).Produces<ErrorBody>(404)
            .WithSummary("The caller's deposits and withdrawals, newest first, with their balance and totals.");
        payments.MapPost("/deposit", Deposit).WithName("Deposit")
            .Produces<TransactionResponse>(201).Produces<ErrorBody>(400).Produces<ErrorBody>(409).Produces<ErrorBody>(422).Produces<ErrorBody>(503)
            .WithSummary("Fund the caller's balance: pending with payment_url (the provider's invoice page) until the provider says it was paid; in local runs the sandbox completes it at once. An Idempotency-Key header makes a retry safe.");
        app.MapGet("/api/v1/users/me/balance", Balance).WithTags("Payments").WithName("GetBalance")
            .Produces<BalanceResponse>()
            .WithSummary("The caller's balance, active (spendable) balance and pending earnings.");
        return app;
    }

    private static async Task<IResult> Withdraw(Body<WithdrawRequest> body, HttpContext http, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal)) return refusal;
        var caller = principal.ToCaller();
        return await IdempotentRequests.RunAsync(http, caller.UserId, request, async operationId =>
            (await mediator.Send(new Withdraw(caller, request.Amount!.Value, request.WalletAddress!, operationId), ct))
            .ToHttp(_ => Results.Ok(new WithdrawResponse("withdraw done"))));
    }

    private static async Task<IResult> History(Query<PageQuery> query, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!query.TryRead(out var q, out var refusal)) return refusal;
        return (await mediator.Send(new ListTransactions(principal.ToCaller(), q.ToPage()), ct)).ToHttp(h => Results.Ok(TransactionHistoryResponse.From(h)));
    }

    private static async Task<IResult> Deposit(Body<DepositRequest> body, HttpContext http, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal)) return refusal;
        var caller = principal.ToCaller();
        return await IdempotentRequests.RunAsync(http, caller.UserId, request, async operationId =>
            (await mediator.Send(new DepositFunds(caller, request.Amount!.Value, operationId), ct))
            .ToHttp(t => Results.Json(TransactionResponse.From(t), statusCode: StatusCodes.Status201Created)));
    }

    private static async Task<IResult> Balance(ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
        (await mediator.Send(new GetBalance(principal.ToCaller()), ct)).ToHttp(b => Results.Ok(BalanceResponse.From(b)));
}
