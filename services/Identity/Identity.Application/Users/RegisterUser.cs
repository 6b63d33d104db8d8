using FluentValidation;
using Identity.Application.Ports;
using Identity.Domain.Users;
using Mediator;
using Platform.Application.Countries;
using Platform.Application.Ids;
using Platform.Application.Results;

namespace Identity.Application.Users;

/// <summary>Sign-up: a new user with one API client, whose secret is returned this once.</summary>
public sealed record RegisterUser(string Email, string Password, string Name, string Country, string? ReferrerId)
    : ICommand<Result<RegisteredUser>>;

public sealed record RegisteredUser(string UserId, string ClientId, string ClientSecret);

public sealed class RegisterUserValidator : AbstractValidator<RegisterUser>
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 256;

    /// <summary>One plain address (local part @ domain) that mail can be sent to: no spaces, no display name.</summary>
    private static bool IsDeliverable(string email) =>
        !email.Trim().Any(char.IsWhiteSpace) && System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim() &&
        address.Host.Contains('.', StringComparison.Ordinal);

    public RegisterUserValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("email is required")
            .MaximumLength(254).WithMessage("email must be at most 254 characters")
            .Must(IsDeliverable).WithMessage("email is not a valid email address");
        RuleFor(x => x.Password).NotEmpty().WithMessage("password is required")
            .MinimumLength(MinPasswordLength).WithMessage($"password must be at least {MinPasswordLength} characters")
            .MaximumLength(MaxPasswordLength).WithMessage($"password must be at most {MaxPasswordLength} characters");
        RuleFor(x => x.Name).NotEmpty().WithMessage("name is required")
            .MaximumLength(100).WithMessage("name must be at most 100 characters");
        RuleFor(x => x.Country).NotEmpty().WithMessage("country is required")
            .Must(CountryCodes.IsValid).WithMessage("country must be an ISO 3166 alpha-2 code").When(x => !string.IsNullOrEmpty(x.Country));
        RuleFor(x => x.ReferrerId).Must(ObjectIds.IsValid).WithMessage("referrer_id does not exist").When(x => x.ReferrerId is not null);
    }
}

public sealed class RegisterUserHandler(IUserRepository users, PasswordHashing passwords, IClientSecrets secrets, TimeProvider clock)
    : ICommandHandler<RegisterUser, Result<RegisteredUser>>
{
    public const string TooManyAtOnce = "Too many sign-ups at once; try again in a moment";

    public async ValueTask<Result<RegisteredUser>> Handle(RegisterUser command, CancellationToken cancellationToken)
    {
        var referrerId = command.ReferrerId?.ToLowerInvariant();
        if (referrerId is not null && !await users.ExistsAsync(referrerId, cancellationToken))
            return Error.Validation("referrer_id does not exist");

        if (await passwords.TryHashAsync(command.Password, cancellationToken) is not { } passwordHash) return Error.TooManyRequests(TooManyAtOnce);
        var now = clock.GetUtcNow().UtcDateTime;
        var user = User.Register(ObjectIds.New(), command.Email, command.Name, command.Country, passwordHash, referrerId, now);
        var (clientId, secret, secretHash) = secrets.Create();
        user.IssueClient(clientId, secretHash, now);

        if (!await users.TryAddAsync(user, cancellationToken))
            return Error.Conflict("Email already registered");

        return new RegisteredUser(user.Id, clientId, secret);
    }
}
