using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Application.Events;
using Platform.Messaging;
using Platform.Persistence;
using Mediator;
using Platform.Persistence.Scheduling;
using Platform.Topology;
using Tasks.Application.Assignment;
using Tasks.Application.Events;
using Tasks.Infrastructure.Identity;
using Tasks.Application.Ports;
using Tasks.Application.Tasks;
using Tasks.Domain.Jobs;
using Tasks.Application.Notifications;
using Tasks.Infrastructure.Files;
using Platform.Mail;
using Tasks.Infrastructure.Notifications;
using Tasks.Infrastructure.Persistence;

namespace Tasks.Infrastructure;

public static class DependencyInjection
{
    public const string ServiceName = "tasks";

    /// <summary>
    /// Tasks' adapters: tasks, planned tasks, the job and worker replicas and the counted limits in the store (which the
    /// API host's setup registers), proof files in Storage, and messaging. Use-case helpers shared by several handlers
    /// are registered here too.
    /// </summary>
    public static IHostApplicationBuilder AddTasksInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IIntegrationEventMap, TaskIntegrationEvents>();
        services.AddSingleton<IJobTaskRepository, JobTaskRepository>();
        // The proof-uniqueness check's memory copy: Tasks:ProofCheck:SettleTime and :MaxCachedChars (see ProofCorpus).
        services.AddSingleton(builder.Configuration.GetSection("Tasks:ProofCheck").Get<ProofCorpusOptions>() ?? new ProofCorpusOptions());
        services.AddSingleton<ProofCorpus>();
        services.AddSingleton<IPlannedTaskRepository, PlannedTaskRepository>();
        services.AddSingleton<IJobReplica, JobReplica>();
        services.AddSingleton<ITaskLimits, TaskLimits>();
        services.AddSingleton<IWorkerDirectory, WorkerDirectory>();
        services.AddSingleton(builder.Configuration.GetSection("Tasks:Premium").Get<PremiumBar>() ?? new PremiumBar());

        // Storage checks the caller's token, which the platform's HttpClients forward (see Platform.Api).
        services.AddHttpClient<IProofFileStore, StorageProofFileStore>(PlatformServices.Storage.HttpClientName("proof-files"),
            http => http.BaseAddress = PlatformServices.Storage.BaseAddress);

        // Emails: ConnectionStrings:smtp and Notifications:From (see Platform.Mail).
        services.AddPlatformMail(builder.Configuration);
        services.AddScoped<TaskEmails>();
        // A job's completed tasks after its first are told in one email per Notifications:TaskDigestSeconds (default 60).
        services.AddSingleton(builder.Configuration.GetValue<double?>("Notifications:TaskDigestSeconds") is { } digestSeconds
            ? new TaskEmailOptions(TimeSpan.FromSeconds(digestSeconds))
            : new TaskEmailOptions());
        services.AddSingleton<TaskCompletionDigest>();
        services.AddHostedService<TaskDigestSender>();

        // Devices and the assignment engine: Tasks:Assignment (see AssignmentOptions). The sweep runs every interval, and
        // at once when planned tasks are added or a device comes online or is freed (AssignmentSignal).
        var assignment = builder.Configuration.GetSection(AssignmentOptions.Section).Get<AssignmentOptions>() ?? new AssignmentOptions();
        services.AddSingleton(assignment);
        services.AddSingleton<AssignmentSignal>();
        services.AddSingleton<IDeviceReplica, DeviceReplica>();
        services.AddScoped<DeviceAssignment>();
        services.AddWakeableSweep("Device assignment", assignment.Interval,
            async (sp, ct) => (await sp.GetRequiredService<ISender>().Send(new AssignWaitingTasks(), ct)).Value,
            sp => sp.GetRequiredService<AssignmentSignal>().WaitAsync);
        services.AddPeriodicSweep("Device task recovery", assignment.Interval * 5,
            async (sp, ct) => (await sp.GetRequiredService<ISender>().Send(new RecoverDeviceTasks(), ct)).Value);
        services.AddHttpClient<IAgentTokens, IdentityAgentTokens>(PlatformServices.Identity.HttpClientName("agent-tokens"), http =>
        {
            http.BaseAddress = PlatformServices.Identity.BaseAddress;
            http.Timeout = IdentityAgentTokens.Timeout;
        });

        services.AddScoped<Applying>();
        services.AddScoped<TaskOutcomes>();
        services.AddScoped<ProofFiles>();
        services.AddScoped<DataDumps>();
        services.AddScoped<TaskIds>();
        services.AddScoped<TaskAccess>();
        services.AddScoped<TaskRemoval>();

        services.AddPlatformMessaging(builder.Configuration, ServiceName, typeof(DependencyInjection).Assembly);
        services.AddOutboxSource<JobTaskDocument>(JobTaskRepository.CollectionName);
        services.AddIndexes(JobTaskRepository.EnsureIndexesAsync);
        services.AddIndexes(PlannedTaskRepository.EnsureIndexesAsync);
        services.AddIndexes(JobReplica.EnsureIndexesAsync);
        services.AddIndexes(DeviceReplica.EnsureIndexesAsync);
        return builder;
    }
}
