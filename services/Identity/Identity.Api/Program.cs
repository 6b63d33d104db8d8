using Identity.Api;
using Identity.Api.Endpoints;
using Identity.Application.Users;
using Identity.Infrastructure;
using Platform.Api;
using Platform.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformApi(DependencyInjection.ServiceName, typeof(RegisterUser).Assembly);
builder.AddIdentityInfrastructure(StoreRegistration.DataDirectory(builder.Configuration));
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(RegisterUser)];
});
builder.Services.UseOwnSigningKeyForValidation();
builder.Services.AddAuthRateLimits(builder.Configuration);

var app = builder.Build();
app.UsePlatformApi();
app.UseRateLimiter();
app.MapAuthEndpoints();
app.MapUserEndpoints();
app.MapDiscoveryEndpoints();
app.MapCredentialEndpoints();
app.MapAgentTokenEndpoints();
app.Run();

public partial class Program;
