namespace DeviceAgent;

/// <summary>One line per event, to standard output: the time, who (the owner or a device's name), what happened.</summary>
public sealed class EventLog
{
    private readonly Lock _gate = new();

    public void Write(string who, string what)
    {
        lock (_gate) Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {who,-24} {what}");
    }
}

/// <summary>A failure the simulator can't go on from (bad owner credentials, a refused registration); its message says why.</summary>
public sealed class AgentException(string message) : Exception(message);
