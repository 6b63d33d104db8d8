using Platform.Api;
using Platform.Persistence;
using Storage.Api.Endpoints;
using Storage.Application.Files;
using Storage.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformApi(DependencyInjection.ServiceName, typeof(UploadTempFile).Assembly);
builder.AddStorageInfrastructure(StoreRegistration.DataDirectory(builder.Configuration));
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(UploadTempFile)];
});

var app = builder.Build();
app.UsePlatformApi();
app.MapTempFileEndpoints();
app.MapProofFileEndpoints();
app.Run();

public partial class Program;
