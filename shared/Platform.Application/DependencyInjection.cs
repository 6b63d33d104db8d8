namespace Platform.Application;

/// <summary>The pipeline every service's Mediator runs, outermost first: logging, then validation.</summary>
public static class UseCasePipeline
{
    public static readonly Type[] Behaviours =
    [
        typeof(Behaviours.LoggingBehaviour<,>),
        typeof(Behaviours.ValidationBehaviour<,>),
    ];
}
