using Jobs.Application.Events;
using Jobs.Application.Jobs;
using Mediator;
using Microsoft.Extensions.Configuration;
using Jobs.Application.Ports;
using Jobs.Infrastructure.Persistence;
using Jobs.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Application.Events;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Persistence.Scheduling;

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
        var expiry = builder.Configuration.GetSection(JobExpiryOptions.Section).Get<JobExpiryOptions>() ?? new JobExpiryOptions();
        // Jobs whose duration passed end through the EndDueJobs use case (a job changed under the sweep is retried next time).
        services.AddPeriodicSweep("Job expiry sweep", expiry.ExpirySweepInterval,
            async (sp, ct) => (await sp.GetRequiredService<ISender>().Send(new EndDueJobs(), ct)).Value);
        return builder;
    }
}
