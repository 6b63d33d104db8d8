using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Tasks.Application.Ports;

namespace Tasks.Application.Tasks;

/// <summary>
/// Whether a term is new among the proofs of the caller's jobs (route 4): as a whole word (option "word",
/// case-insensitive) or anywhere in the proof (option "charactor", the reference's spelling). True when no proof has it.
/// </summary>
public sealed record CheckProofUnique(Caller Caller, string Search, ProofMatch Match) : IQuery<Result<bool>>;

public sealed class CheckProofUniqueValidator : AbstractValidator<CheckProofUnique>
{
    public const int MaxSearchLength = 1000;

    public CheckProofUniqueValidator()
    {
        RuleFor(x => x.Search).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("search is required")
            .MaximumLength(MaxSearchLength).WithMessage($"search must be at most {MaxSearchLength} characters");
    }
}

public sealed class CheckProofUniqueHandler(IJobTaskRepository tasks) : IQueryHandler<CheckProofUnique, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(CheckProofUnique query, CancellationToken cancellationToken) =>
        !await tasks.ProofContainsAsync(query.Caller.UserId, query.Search.Trim(), query.Match, cancellationToken);
}
