using MassTransit;
using Platform.Contracts.Tasks;
using Platform.Testing;

namespace Payments.Api.Tests;

/// <summary>Route 19's pending_earnings: the pay of the worker's submitted tasks until the employer reviews them, kept from Tasks' events.</summary>
public sealed class PendingEarningsTests(PaymentsApi api) : IClassFixture<PaymentsApi>
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;

    private Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        api.Harness.Bus.Publish(message, c => c.MessageId = messageId ?? NewId.NextGuid());

    private async Task<decimal> PendingAsync(HttpClient worker) => (await PaymentsApi.BalanceAsync(worker)).Pending;

    [Fact]
    public async Task Submitted_pay_is_pending_until_reviewed_and_again_after_a_redo()
    {
        var workerId = PaymentsApi.NewId();
        var worker = api.ClientFor(workerId);

        await PublishAsync(new TaskSubmitted("t1", "j1", workerId, "pending", 0.25m) { OccurredAt = _start });
        await PublishAsync(new TaskSubmitted("t2", "j1", workerId, "processing", 1.5m) { OccurredAt = _start });
        await Eventually.HoldsAsync(async () => await PendingAsync(worker) == 1.75m, "both submissions pending");

        await PublishAsync(new TaskStatusChanged("t2", "j1", workerId, "processing", "confirmed") { OccurredAt = _start.AddSeconds(1) });
        await PublishAsync(new TaskStatusChanged("t1", "j1", workerId, "pending", "notcomplete") { OccurredAt = _start.AddSeconds(1) });
        await Eventually.HoldsAsync(async () => await PendingAsync(worker) == 0, "both reviewed");

        await PublishAsync(new TaskSubmitted("t1", "j1", workerId, "pending", 0.25m) { OccurredAt = _start.AddSeconds(2) });
        await Eventually.HoldsAsync(async () => await PendingAsync(worker) == 0.25m, "the redo is pending again");
        (await PaymentsApi.BalanceAsync(worker)).Active.Should().Be(0, "pending pay is not money yet");
    }

    [Fact]
    public async Task A_review_heard_before_its_submission_or_twice_leaves_nothing_pending()
    {
        var workerId = PaymentsApi.NewId();
        var worker = api.ClientFor(workerId);
        var replayed = NewId.NextGuid();

        // An automatic confirmation stamped at the same instant as its submission, heard first.
        await PublishAsync(new TaskStatusChanged("early", "j2", workerId, "processing", "confirmed") { OccurredAt = _start });
        await Eventually.HoldsAsync(async () => await api.Harness.Consumed.Any<TaskStatusChanged>(m => m.Context.Message.TaskId == "early"), "the review heard first");
        await PublishAsync(new TaskSubmitted("early", "j2", workerId, "processing", 3m) { OccurredAt = _start });
        await PublishAsync(new TaskSubmitted("twice", "j2", workerId, "pending", 2m) { OccurredAt = _start }, replayed);
        await PublishAsync(new TaskSubmitted("twice", "j2", workerId, "pending", 2m) { OccurredAt = _start }, replayed);
        await PublishAsync(new TaskSubmitted("other", "j2", PaymentsApi.NewId(), "pending", 9m) { OccurredAt = _start });

        // The harness lists a message id once; the replay's second delivery is the inbox's to drop.
        await Eventually.HoldsAsync(() => new[] { "early", "twice", "other" }.All(t => api.Harness.Consumed.Select<TaskSubmitted>(m => m.Context.Message.TaskId == t).Any()),
            "every submission heard");

        (await PendingAsync(worker)).Should().Be(2m, "only the unreviewed task, once");
    }
}
