using Jobs.Application.Events;
using Jobs.Application.Jobs;
using Mediator;
using Microsoft.Extensions.Configuration;
using Jobs.Application.Ports;
using Jobs.Infrastructure.Payments;
using Jobs.Infrastructure.Persistence;
using Jobs.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Application.Events;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Persistence.Scheduling;
using Platform.Topology;

namespace Jobs.Infrastructure;

public static class DependencyInjection
{
    public const string ServiceName = "jobs";

    /// <summary>
    /// Jobs' adapters: repositories, the user directory replica, job funding in Payments (over HTTP), the expiry and
    /// funding sweeps, and messaging (the store itself comes from the API host's setup).
    /// </summary>
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
        var sweeps = builder.Configuration.GetSection(JobSweepOptions.Section).Get<JobSweepOptions>() ?? new JobSweepOptions();
        // Jobs whose duration passed end through the EndDueJobs use case (a job changed under the sweep is retried next time).
        services.AddPeriodicSweep("Job expiry sweep", sweeps.ExpirySweepInterval,
            async (sp, ct) => (await sp.GetRequiredService<ISender>().Send(new EndDueJobs(), ct)).Value);
        services.AddPeriodicSweep("Unfunded job sweep", sweeps.FundingSweepInterval,
            async (sp, ct) => (await sp.GetRequiredService<ISender>().Send(new AbandonUnfundedJobs(sweeps.UnfundedAfter), ct)).Value);

        // Payments checks the caller's token, which the platform's HttpClients forward (see Platform.Api).
        services.AddHttpClient<IJobFunding, PaymentsJobFunding>(PaymentsJobFunding.ClientName, http =>
        {
            http.BaseAddress = PlatformServices.Payments.BaseAddress;
            http.Timeout = PaymentsJobFunding.Timeout;
        });
        return builder;
    }
}
