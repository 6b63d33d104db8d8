using FluentValidation;
using Jobs.Api.Endpoints;
using Jobs.Infrastructure;
using Platform.Application.Behaviours;
using Platform.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformApi(DependencyInjection.ServiceName);
builder.AddJobsInfrastructure();
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(Jobs.Application.Jobs.CreateJob)];
    options.PipelineBehaviors = [typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>)];
});
builder.Services.AddValidatorsFromAssemblyContaining<Jobs.Application.Jobs.CreateJob>();

var app = builder.Build();
app.UsePlatformApi();
app.MapJobEndpoints();
app.MapAutomationEndpoints();
app.Run();

public partial class Program;
