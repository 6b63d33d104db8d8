using FluentValidation;
using Jobs.Application.Ports;
using Mediator;
using Platform.Application.Ids;
using Platform.Application.Results;

namespace Jobs.Application.Users;

/// <summary>Identity registered a user: Jobs remembers them, so that a job can be shared with them. A replay changes nothing.</summary>
public sealed record RecordKnownUser(string UserId, string Name, string Country) : ICommand<Result>;

public sealed class RecordKnownUserValidator : AbstractValidator<RecordKnownUser>
{
    public RecordKnownUserValidator()
    {
        RuleFor(x => x.UserId).Must(ObjectIds.IsValid).WithMessage("user_id must be a user id");
    }
}

public sealed class RecordKnownUserHandler(IUserDirectory users) : ICommandHandler<RecordKnownUser, Result>
{
    public async ValueTask<Result> Handle(RecordKnownUser command, CancellationToken cancellationToken)
    {
        await users.AddAsync(command.UserId, command.Name, command.Country, cancellationToken);
        return Result.Success();
    }
}
