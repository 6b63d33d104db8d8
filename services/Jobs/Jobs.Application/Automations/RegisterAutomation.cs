using FluentValidation;
using Jobs.Application.Ports;
using Jobs.Domain.Automations;
using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Jobs.Application.Automations;

/// <summary>Registers an automation with its three input schemas (each may be null); returns its UUID.</summary>
public sealed record RegisterAutomation(
    Caller Caller,
    string Name,
    InputSchema? ParametersSchema,
    InputSchema? JobVariablesSchema,
    InputSchema? BucketSchema) : ICommand<Result<string>>;

public sealed class RegisterAutomationValidator : AbstractValidator<RegisterAutomation>
{
    public RegisterAutomationValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("name is required").MaximumLength(200).WithMessage("name must be at most 200 characters");
        RuleFor(x => x).Custom((command, context) =>
        {
            foreach (var problem in (command.ParametersSchema?.Problems("automation_parameters_schema") ?? [])
                         .Concat(command.JobVariablesSchema?.Problems("job_variables_schema") ?? [])
                         .Concat(command.BucketSchema?.Problems("bucket_schema") ?? []))
                context.AddFailure(problem);
        });
    }
}

public sealed class RegisterAutomationHandler(IAutomationRepository automations, TimeProvider clock)
    : ICommandHandler<RegisterAutomation, Result<string>>
{
    public async ValueTask<Result<string>> Handle(RegisterAutomation command, CancellationToken cancellationToken)
    {
        var automation = new Automation(Guid.NewGuid().ToString(), command.Caller.UserId, command.Name.Trim(),
            command.ParametersSchema, command.JobVariablesSchema, command.BucketSchema, clock.GetUtcNow().UtcDateTime);
        await automations.AddAsync(automation, cancellationToken);
        return automation.Id;
    }
}
