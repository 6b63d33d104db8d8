using ProxyNode.Tunnel;
using System.Text.Json.Nodes;

namespace DeviceAgent;

/// <summary>
/// One simulated phone: it signs in with its own credentials, heartbeats (a third of the offline window apart), polls
/// for work once a second while idle, runs each assignment for the task time (echoing its input as proof, or failing
/// the given share; with a "dumpTo" automation parameter, writing a record of the run into that sink job), counts the
/// run in its device bucket, and completes it. Beside that it keeps its proxy tunnel to the node (<see cref="ProxyExit"/>).
/// </summary>
public sealed class DeviceLoop(PlatformApi api, SavedDevice device, AgentOptions options, EventLog log)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var agent = await api.SignInAsync(device.RemoteDeviceId, device.DeviceSecret, cancellationToken);
        var offlineAfter = await api.HeartbeatAsync(agent, cancellationToken);
        log.Write(device.Name, "online");
        var heartbeats = HeartbeatAsync(agent, offlineAfter / 3, cancellationToken);
        var proxy = options.ProxyNode is { } node ? new ProxyExit(node, device, new ExitTargets(options.ExitPolicy ?? ExitTargetPolicy.PublicOnly), log).RunAsync(agent, cancellationToken) : Task.CompletedTask;
        try
        {
            await WorkAsync(agent, cancellationToken);
        }
        finally
        {
            await heartbeats.ContinueWith(_ => { }, TaskScheduler.Default);
            await proxy.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task HeartbeatAsync(Session agent, TimeSpan every, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(every, cancellationToken);
            try
            {
                await api.HeartbeatAsync(agent, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                log.Write(device.Name, $"heartbeat failed: {ex.Message}");
            }
        }
    }

    private async Task WorkAsync(Session agent, CancellationToken cancellationToken)
    {
        var runs = (await api.ReadDeviceBucketAsync(agent, cancellationToken))["runs"]?.GetValue<int>() ?? 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await api.PollAsync(agent, cancellationToken) is not { } work)
                {
                    await Task.Delay(PollInterval, cancellationToken);
                    continue;
                }
                log.Write(device.Name, $"assigned task {work.TaskId} (job {work.JobId}): {Shorten(work.Input)}");
                // While the task runs, its token also opens the job's bucket for this device.
                await WriteJobBucketAsync(work, new JsonObject { ["lastInput"] = work.Input, ["runs"] = runs + 1 }, cancellationToken);
                await Task.Delay(options.TaskTime, cancellationToken);
                // A job whose automation parameters name a sink ("dumpTo") gets a record of each run there, while the task runs.
                if (work.AutomationParameters?["dumpTo"] is JsonValue sink && sink.TryGetValue<string>(out var sinkJobId))
                {
                    await api.DumpAsync(work, sinkJobId, new JsonObject { ["input"] = work.Input, ["device"] = device.Name, ["task"] = work.TaskId }, "log",
                        $"echo: {work.Input}", cancellationToken);
                    log.Write(device.Name, $"dumped a record of task {work.TaskId} into job {sinkJobId}");
                }
                // The run is counted before it is reported: once the task shows done, its count is in the device bucket.
                await api.MergeDeviceBucketAsync(agent, new JsonObject { ["runs"] = runs + 1, ["lastTask"] = work.TaskId }, cancellationToken);
                runs++;
                log.Write(device.Name, $"bucket: runs = {runs}");
                var failed = Random.Shared.NextDouble() < options.FailRate;
                await api.CompleteAsync(work, failed, $"echo: {work.Input}", cancellationToken);
                log.Write(device.Name, failed ? $"task {work.TaskId} failed" : $"task {work.TaskId} done (pending review)");
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The platform restarting, a request that timed out, an answer not understood: a phone reports it and carries on.
                log.Write(device.Name, $"request failed: {ex.GetType().Name}: {ex.Message}");
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The job bucket takes the task's token once the Devices service has heard of the assignment (an event, usually
    /// there within milliseconds): a 404 is tried again for a few seconds; a bucket that can't be written doesn't stop the task.
    /// </summary>
    private async Task WriteJobBucketAsync(Assignment work, JsonObject data, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await api.WriteJobBucketAsync(work, device.RemoteDeviceId, data, cancellationToken);
                return;
            }
            catch (HttpRequestException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound && attempt < 15)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                log.Write(device.Name, $"job bucket not written: {ex.Message}");
                return;
            }
        }
    }

    private static string Shorten(string input) => input.Length <= 60 ? input : input[..57] + "...";
}
