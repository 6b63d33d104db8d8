using Jobs.Api.Endpoints;
using Jobs.Application.Jobs;
using Jobs.Infrastructure;
using Platform.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformApi(DependencyInjection.ServiceName, typeof(CreateJob).Assembly);
builder.AddJobsInfrastructure();
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(CreateJob)];
});

var app = builder.Build();
app.UsePlatformApi();
app.MapJobEndpoints();
app.MapAutomationEndpoints();
app.Run();

public partial class Program;
