using DeviceAgent;

// ./platform agents --client-id ID --client-secret SECRET --devices N [--fail-rate F] [--country CC] [--task-seconds S] [--gateway URL] [--proxy-node URL]
var options = AgentOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(AgentOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var log = new EventLog();
using var http = new HttpClient { BaseAddress = options.Gateway, Timeout = TimeSpan.FromSeconds(30) };
var api = new PlatformApi(http);
try
{
    var owner = await api.SignInAsync(options.ClientId, options.ClientSecret, stop.Token);
    var fleet = await Fleet.PrepareAsync(api, owner, options, log, stop.Token);
    log.Write("owner", $"{fleet.Count} device(s) ready; Ctrl-C stops");
    await Task.WhenAll(fleet.Select(device => new DeviceLoop(api, device, options, log).RunAsync(stop.Token)));
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
}
catch (Exception ex) when (ex is AgentException or HttpRequestException)
{
    log.Write("error", ex.Message);
    return 1;
}
log.Write("owner", "stopped");
return 0;
