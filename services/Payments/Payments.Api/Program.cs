using Payments.Api.Endpoints;
using Payments.Application.Deposits;
using Payments.Infrastructure;
using Payments.Infrastructure.Providers;
using Platform.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformApi(DependencyInjection.ServiceName, typeof(DepositFunds).Assembly);
try
{
    builder.AddPaymentsInfrastructure();
}
catch (PaymentProviderConfigurationException refused)
{
    // A provider choice that would let money be forged (or none at all): say why in one line, and don't start.
    Console.Error.WriteLine(refused.Message);
    return 78;
}
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
app.MapProviderWebhookEndpoints();
app.Run();
return 0;

public partial class Program;
