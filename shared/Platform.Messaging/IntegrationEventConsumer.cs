using MassTransit;
using Mediator;
using Platform.Application.Results;
using Platform.Contracts;
using Platform.Persistence.Inbox;

namespace Platform.Messaging;

/// <summary>
/// A consumer is thin: it turns an integration event into the service's command and sends it through Mediator, so that
/// the use case's validation and logging behaviours apply as they do to an HTTP request. The inbox makes it idempotent:
/// a message this consumer already handled (same message id) is acknowledged and ignored; one whose handling throws is
/// released so that MassTransit's retry handles it again; one the use case refuses goes to the error queue (see
/// <see cref="MessageRejectedException"/>) instead of being retried. A message another delivery has claimed and not
/// finished (a process killed while handling it, whose redelivery comes here) is never acknowledged unhandled: the
/// delivery throws <see cref="InboxClaimHeldException"/> and is tried again until that claim completes or times out.
/// </summary>
public abstract class IntegrationEventConsumer<TEvent>(Inbox inbox, ISender sender) : IConsumer<TEvent> where TEvent : IntegrationEvent
{
    protected virtual string ConsumerName => GetType().Name;

    /// <summary>The command that does what this service does when it hears <paramref name="message"/>.</summary>
    protected abstract ICommand<Result> ToCommand(TEvent message);

    /// <summary>
    /// Whether this service does anything at all on <paramref name="message"/>. One it ignores is acknowledged without
    /// touching the inbox: most events of a busy kind may be nothing to a consumer, and each claim is two writes.
    /// </summary>
    protected virtual bool Concerns(TEvent message) => true;

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        if (!Concerns(context.Message)) return;
        var messageId = (context.MessageId ?? throw new InvalidOperationException("A message without an id can't be deduplicated.")).ToString();
        var attempt = await inbox.TryClaimAsync(ConsumerName, messageId, context.CancellationToken);
        if (attempt.Status == InboxClaimStatus.Handled) return;
        var claim = attempt.Claim ?? throw new InboxClaimHeldException(ConsumerName, messageId, attempt.HeldUntil);

        Result result;
        try
        {
            result = await sender.Send(ToCommand(context.Message), context.CancellationToken);
        }
        catch
        {
            await inbox.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }
        if (!result.IsSuccess)
        {
            await inbox.ReleaseAsync(claim, CancellationToken.None);
            throw new MessageRejectedException(typeof(TEvent).Name, result.Error!);
        }
        await inbox.CompleteAsync(claim, CancellationToken.None);
        if (Marks(context.Message) is { } marked)
            await inbox.ForgetMarkAsync(marked, context.Message.EventId.ToString(), CancellationToken.None);
    }

    /// <summary>
    /// The document the use case marks with the event's id, if any, to apply its change once even across a crash (an
    /// increment that lands before the inbox records the message handled): once it has, the mark goes.
    /// </summary>
    protected virtual MarkedDocument? Marks(TEvent message) => null;
}

/// <summary>
/// Another delivery of this message holds an unfinished claim on it: the bus tries this delivery again later (see
/// MessagingRegistration), so that the message is handled once the other delivery completes or its claim times out.
/// </summary>
public sealed class InboxClaimHeldException(string consumer, string messageId, DateTime? heldUntil)
    : Exception($"{consumer} is already handling message {messageId} in another delivery (its claim holds until {heldUntil:O}); retrying later");

/// <summary>
/// The use case refused the event (it breaks a rule of this service): retrying can't help, so the bus moves it to the
/// consumer's error queue at once, where an operator can see and redeliver it.
/// </summary>
public sealed class MessageRejectedException(string eventName, Error error)
    : Exception($"{eventName} was refused ({error.Kind}): {string.Join("; ", error.Messages)}");
