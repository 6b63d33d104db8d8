using Devices.Application;
using Devices.Application.Buckets;
using Devices.Application.Devices;
using Devices.Application.Events;
using Devices.Application.Ports;
using Devices.Application.Rentals;
using Devices.Infrastructure.Notifications;
using Devices.Infrastructure.Payments;
using Platform.Mail;
using Devices.Infrastructure.Persistence;
using Devices.Infrastructure.Security;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Application.Events;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Persistence.Scheduling;
using Platform.Topology;

namespace Devices.Infrastructure;

public static class DependencyInjection
{
    public const string ServiceName = "devices";

    /// <summary>The service rentals are billed by (its service-discovery name).</summary>

    /// <summary>
    /// Devices' adapters: the device repository, device secrets, the buckets and the job copy they are checked against,
    /// messaging (the outbox of device events), rental billing in Payments (over HTTP), and the sweep that takes silent
    /// devices offline and ends rentals whose billing never opened (the store itself comes from the API host's setup).
    /// </summary>
    public static IHostApplicationBuilder AddDevicesInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(DevicesOptions.Section).Get<DevicesOptions>() ?? new DevicesOptions();
        services.AddSingleton(options);
        services.AddSingleton<IIntegrationEventMap, DeviceIntegrationEvents>();
        services.AddSingleton<IDeviceRepository, DeviceRepository>();
        services.AddSingleton<IDeviceSecrets, DeviceSecrets>();
        services.AddSingleton<IBucketStore, BucketStore>();
        services.AddSingleton<IBucketJobs, BucketJobs>();
        services.AddScoped<BucketAccess>();
        services.AddIndexes(BucketStore.EnsureIndexesAsync);
        services.AddPlatformMessaging(builder.Configuration, ServiceName, typeof(DependencyInjection).Assembly);
        services.AddOutboxSource<DeviceDocument>(DeviceRepository.CollectionName);
        services.AddIndexes(DeviceRepository.EnsureIndexesAsync);
        services.AddPeriodicSweep("Offline device sweep", options.OfflineSweepInterval, async (sp, ct) =>
        {
            var sender = sp.GetRequiredService<ISender>();
            return (await sender.Send(new MarkSilentDevicesOffline(), ct)).Value + (await sender.Send(new EndUnbilledRentals(), ct)).Value;
        });
        // Phone verification codes go out as text messages: by email to an SMS gateway's domain (Devices:SmsMailDomain),
        // which locally is the development mail server (ConnectionStrings:smtp, see Platform.Mail).
        services.AddPlatformMail(builder.Configuration);
        var smsDomain = builder.Configuration["Devices:SmsMailDomain"] is { Length: > 0 } domain ? domain : MailSmsGateway.DefaultDomain;
        services.AddSingleton<IPhoneMessages>(sp => new MailSmsGateway(sp.GetRequiredService<Platform.Application.Notifications.INotifier>(), smsDomain));
        // Payments checks the caller's (the renter's) token, which the platform's HttpClients forward (see Platform.Api).
        services.AddHttpClient<IRentalBilling, PaymentsRentalBilling>(PlatformServices.Payments.HttpClientName("rental-billing"), http =>
        {
            http.BaseAddress = PlatformServices.Payments.BaseAddress;
            http.Timeout = PaymentsRentalBilling.Timeout;
        });
        return builder;
    }
}
