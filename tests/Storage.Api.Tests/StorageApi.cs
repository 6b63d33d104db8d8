using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;
using Storage.Application.Files;

namespace Storage.Api.Tests;

/// <summary>The Storage service on a clock the test moves; the test runs the expiry sweep itself.</summary>
public class StorageApi(TimeProvider clock) : ServiceFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The test sweeps itself, at the moments it chooses: the timed sweep (on the real clock) stays out of its way.
        builder.UseSetting("Storage:SweepInterval", "1.00:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    /// <summary>Runs the expiry sweep once; how many files it deleted.</summary>
    public async Task<int> SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DeleteExpiredFiles())).Value;
    }
}
