using MassTransit;
using Platform.Persistence.Inbox;

namespace Platform.Messaging;

/// <summary>
/// The inbox as a consumer base: a message this consumer has already handled (same message id) is acknowledged and
/// ignored; one whose handling throws is released so that MassTransit's retry handles it again.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(Inbox inbox) : IConsumer<TMessage> where TMessage : class
{
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = (context.MessageId ?? throw new InvalidOperationException("A message without an id can't be deduplicated.")).ToString();
        if (!await inbox.TryClaimAsync(ConsumerName, messageId, context.CancellationToken)) return;
        try
        {
            await HandleAsync(context.Message, context.CancellationToken);
        }
        catch
        {
            await inbox.ReleaseAsync(ConsumerName, messageId, CancellationToken.None);
            throw;
        }
        await inbox.CompleteAsync(ConsumerName, messageId, CancellationToken.None);
    }

    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
