using Platform.Api;
using Tasks.Api.Endpoints;
using Tasks.Application.Tasks;
using Tasks.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformApi(DependencyInjection.ServiceName, typeof(ApplyToJob).Assembly);
builder.AddTasksInfrastructure();
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(ApplyToJob)];
});

var app = builder.Build();
app.UsePlatformApi();
app.MapTaskEndpoints();
app.MapApplicantEndpoints();
app.MapPlannedTaskEndpoints();
app.MapAgentAssignmentEndpoints();
app.Run();

public partial class Program;
