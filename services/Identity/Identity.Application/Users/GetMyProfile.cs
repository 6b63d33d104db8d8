using Identity.Application.Ports;
using Mediator;
using Platform.Application.Results;

namespace Identity.Application.Users;

public sealed record GetMyProfile(string UserId) : IQuery<Result<UserProfile>>;

public sealed record UserProfile(string UserId, string Email, string Name, string Country, string? ReferrerId, int Rating, DateTime RegisteredAt);

public sealed class GetMyProfileHandler(IUserRepository users) : IQueryHandler<GetMyProfile, Result<UserProfile>>
{
    public async ValueTask<Result<UserProfile>> Handle(GetMyProfile query, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(query.UserId, cancellationToken);
        return user is null
            ? Error.NotFound("User not found")
            : new UserProfile(user.Id, user.Email, user.Name, user.Country, user.ReferrerId, user.Rating.Percent, user.RegisteredAt);
    }
}
