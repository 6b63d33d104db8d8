using Platform.Api;
using Proxy.Api.Endpoints;
using Proxy.Application.Connections;
using Proxy.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformApi(DependencyInjection.ServiceName, typeof(CreateConnection).Assembly);
builder.AddProxyInfrastructure();
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(CreateConnection)];
});

var app = builder.Build();
app.UsePlatformApi();
app.MapConnectionEndpoints();
app.MapBlacklistEndpoints();
app.MapRequestLogEndpoints();
app.MapNodeStateEndpoints();
app.Run();

public partial class Program;
