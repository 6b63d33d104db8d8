using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Jobs;
using Platform.Testing;
using Tasks.Application.Ports;

namespace Tasks.Api.Tests;

/// <summary>Tasks' copy of a job follows Jobs' events, even when they arrive together.</summary>
public sealed class JobReplicaTests(TasksApi api) : IClassFixture<TasksApi>
{
    [Fact]
    public async Task Twelve_shares_heard_at_once_all_stay_on_the_copy()
    {
        var owner = TasksApi.NewId();
        var job = await api.PostJobAsync(owner);
        var users = Enumerable.Range(0, 12).Select(_ => TasksApi.NewId()).ToList();

        await Task.WhenAll(users.Select(u => api.Harness.Bus.Publish(new JobShared(job, owner, u, "view"))));

        var replica = api.Services.GetRequiredService<IJobReplica>();
        await Eventually.HoldsAsync(async () => (await replica.GetAsync(job, CancellationToken.None))!.Shares.Count == 12,
            "every share is on Tasks' copy of the job (none written over another)");
    }
}
