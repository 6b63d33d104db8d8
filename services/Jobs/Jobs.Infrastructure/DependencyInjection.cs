using Jobs.Application.Events;
using Jobs.Application.Ports;
using Jobs.Infrastructure.Persistence;
using Jobs.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Application.Events;
using Platform.Messaging;
using Platform.Persistence;

namespace Jobs.Infrastructure;

public static class DependencyInjection
{
    public const string ServiceName = "jobs";

    /// <summary>Jobs' adapters: repositories, the user directory replica, and messaging (the store itself comes from the API host's setup).</summary>
    public static IHostApplicationBuilder AddJobsInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IIntegrationEventMap, JobIntegrationEvents>();
        services.AddSingleton<IJobRepository, JobRepository>();
        services.AddSingleton<IAutomationRepository, AutomationRepository>();
        services.AddSingleton<IUserDirectory, UserDirectory>();
        services.AddPlatformMessaging(builder.Configuration, ServiceName, typeof(DependencyInjection).Assembly);
        services.AddOutboxSource<JobDocument>(JobRepository.CollectionName);
        services.AddIndexes(JobRepository.EnsureIndexesAsync);
        services.AddOptions<JobExpiryOptions>().Bind(builder.Configuration.GetSection(JobExpiryOptions.Section));
        services.AddHostedService<JobExpirySweep>();
        return builder;
    }
}
