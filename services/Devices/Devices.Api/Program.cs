using Devices.Api.Endpoints;
using Devices.Application.Devices;
using Devices.Infrastructure;
using Platform.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformApi(DependencyInjection.ServiceName, typeof(RegisterDevice).Assembly);
builder.AddDevicesInfrastructure();
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(RegisterDevice)];
});

var app = builder.Build();
app.UsePlatformApi();
app.MapDeviceEndpoints();
app.MapRentalEndpoints();
app.MapAgentEndpoints();
app.MapBucketEndpoints();
app.Run();

public partial class Program;
