using FluentValidation;
using Mediator;
using Platform.Application.Results;

namespace Platform.Application.Behaviours;

/// <summary>
/// Runs every FluentValidation validator of a message before its handler; a message that breaks a rule never reaches
/// the handler and comes back as a validation <see cref="Error"/> listing each broken rule.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var messages = new List<string>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            messages.AddRange(result.Errors.Select(e => e.ErrorMessage));
        }

        return messages.Count == 0
            ? await next(message, cancellationToken)
            : TResponse.Failure(Error.Validation(messages.Distinct().ToList()));
    }
}
