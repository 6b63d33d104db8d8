using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using Platform.Application.Results;
using Platform.Domain;

namespace Platform.Application.Behaviours;

/// <summary>Logs each use case: its name, how long it took and, when it failed, the kind of failure.</summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var error = (response as IHasError)?.Error;
            if (error is null)
                logger.LogDebug("{UseCase} succeeded in {ElapsedMs:F1} ms", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            else
                logger.LogInformation("{UseCase} refused ({Kind}: {Reason}) in {ElapsedMs:F1} ms", name, error.Kind, error.Message, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (DomainRuleException rule)
        {
            logger.LogInformation("{UseCase} refused (rule: {Reason}) in {ElapsedMs:F1} ms", name, rule.Message, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "{UseCase} failed after {ElapsedMs:F1} ms", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
