using Identity.Api.Endpoints;
using Identity.Infrastructure;
using FluentValidation;
using Platform.Application.Behaviours;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformApi(DependencyInjection.ServiceName);
builder.AddIdentityInfrastructure(StorageExtensions.DataDirectory(builder.Configuration));
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(Identity.Application.Users.RegisterUser)];
    options.PipelineBehaviors = [typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>)];
});
builder.Services.AddValidatorsFromAssemblyContaining<Identity.Application.Users.RegisterUser>();
builder.Services.UseOwnSigningKeyForValidation();

var app = builder.Build();
app.UsePlatformApi();
app.MapAuthEndpoints();
app.MapUserEndpoints();
app.MapDiscoveryEndpoints();
app.Run();

public partial class Program;
