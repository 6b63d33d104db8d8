using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mediator;
using Microsoft.Extensions.Configuration;
using Platform.Persistence;
using Platform.Persistence.Scheduling;
using Storage.Application.Files;
using Storage.Application.Ports;
using Storage.Infrastructure.Files;
using Storage.Infrastructure.Persistence;
using Storage.Infrastructure.Scheduling;

namespace Storage.Infrastructure;

public static class DependencyInjection
{
    public const string ServiceName = "storage";

    /// <summary>
    /// Storage's adapters: file bytes in {data folder}/files, their metadata in the store (which the API host's setup
    /// registers), and the expired-file sweep. Storage hears and raises no events yet.
    /// </summary>
    public static IHostApplicationBuilder AddStorageInfrastructure(this IHostApplicationBuilder builder, string dataDirectory)
    {
        var services = builder.Services;
        services.AddSingleton<IFileContents>(_ => new DiskFileContents(Path.Combine(dataDirectory, "files")));
        services.AddSingleton<IStoredFileRepository, StoredFileRepository>();
        services.AddSingleton<IStorageUsage, StorageUsage>();
        services.AddSingleton(builder.Configuration.GetSection(StorageQuota.Section).Get<StorageQuota>() ?? new StorageQuota());
        services.AddIndexes(StoredFileRepository.EnsureIndexesAsync);
        var sweep = builder.Configuration.GetSection(ExpiredFileSweepOptions.Section).Get<ExpiredFileSweepOptions>() ?? new ExpiredFileSweepOptions();
        services.AddPeriodicSweep("Expired-file sweep", sweep.SweepInterval,
            async (sp, ct) => (await sp.GetRequiredService<ISender>().Send(new DeleteExpiredFiles(), ct)).Value);
        return builder;
    }
}
