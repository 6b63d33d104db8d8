using Mediator;
using Platform.Application.Results;
using Tasks.Application.Ports;

namespace Tasks.Application.Workers;

/// <summary>Identity registered a user: Tasks keeps their name (shown to employers), email (for notifications) and country (the country gate).</summary>
public sealed record RecordUser(string UserId, string Name, string Email, string Country) : ICommand<Result>;

public sealed class RecordUserHandler(IWorkerDirectory workers) : ICommandHandler<RecordUser, Result>
{
    public async ValueTask<Result> Handle(RecordUser command, CancellationToken cancellationToken)
    {
        await workers.RecordUserAsync(command.UserId, command.Name, command.Email, command.Country, cancellationToken);
        return Result.Success();
    }
}
