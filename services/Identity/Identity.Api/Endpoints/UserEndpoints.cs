using Identity.Api.Contracts;
using Identity.Application.Users;
using Mediator;
using Platform.ServiceDefaults.Auth;
using Platform.Api;
using System.Security.Claims;

namespace Identity.Api.Endpoints;

public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Users");

        users.MapGet("/me", async (ClaimsPrincipal principal, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetMyProfile(principal.ToCaller().UserId), ct)).ToHttp(p => Results.Ok(UserProfileResponse.From(p))))
            .WithName("GetMyProfile")
            .Produces<UserProfileResponse>()
            .Produces<ErrorBody>(StatusCodes.Status404NotFound)
            .WithSummary("The caller's profile.");
        return app;
    }
}
