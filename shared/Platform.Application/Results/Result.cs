namespace Platform.Application.Results;

/// <summary>Lets a pipeline behaviour build a failed response without knowing the concrete result type.</summary>
public interface IFailable<TSelf> : IHasError where TSelf : IFailable<TSelf>
{
    static abstract TSelf Failure(Error error);
}

/// <summary>Anything that may carry an <see cref="Results.Error"/>.</summary>
public interface IHasError
{
    Error? Error { get; }
}

/// <summary>The outcome of a use case: a value, or an <see cref="Error"/>. Expected failures are results, not exceptions.</summary>
public readonly record struct Result<T> : IFailable<Result<T>>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"A failed result has no value: {Error!.Message}");

    public static Result<T> Success(T value) => new(value, null);
    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);
    public static implicit operator Result<T>(Error error) => Failure(error);
}

/// <summary>A result with no value: success, or an error.</summary>
public readonly record struct Result : IFailable<Result>
{
    private Result(Error? error) => Error = error;

    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public static Result Success() => new(null);
    public static Result Failure(Error error) => new(error);

    public static implicit operator Result(Error error) => Failure(error);
}
