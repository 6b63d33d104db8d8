using Payments.Api.Endpoints;
using Payments.Application.Deposits;
using Payments.Infrastructure;
using Platform.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformApi(DependencyInjection.ServiceName, typeof(DepositFunds).Assembly);
builder.AddPaymentsInfrastructure();
builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(DepositFunds)];
});

var app = builder.Build();
app.UsePlatformApi();
app.MapPaymentEndpoints();
app.MapJobFundingEndpoints();
app.MapRentalBillingEndpoints();
app.MapPayoutWebhookEndpoints();
app.Run();

public partial class Program;
