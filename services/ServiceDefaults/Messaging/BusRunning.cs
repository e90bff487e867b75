using MassTransit;

namespace SafetyReports.ServiceDefaults.Messaging;

/// <summary>
/// Whether the process's bus is started and not stopping. The in-memory bus accepts a publish after it stopped and
/// delivers it nowhere, so "the publish returned" only means "published" while this is true, before and after.
/// </summary>
public sealed class BusRunning : IBusObserver
{
    private readonly Lock _lock = new();
    private bool _running;
    private int _stops;
    private int _stopsAtStart;

    public bool IsRunning
    {
        get
        {
            lock (_lock)
            {
                return _running;
            }
        }
    }

    public void PostCreate(IBus bus)
    {
    }

    public void CreateFaulted(Exception exception)
    {
    }

    public Task PreStart(IBus bus)
    {
        lock (_lock)
        {
            _stopsAtStart = _stops;
        }

        return Task.CompletedTask;
    }

    /// <summary>Started, unless a stop began meanwhile (a start that returned early can be reported after the stop began).</summary>
    public Task PostStart(IBus bus, Task<BusReady> busReady)
    {
        lock (_lock)
        {
            _running = _stops == _stopsAtStart;
        }

        return Task.CompletedTask;
    }

    public Task StartFaulted(IBus bus, Exception exception) => Task.CompletedTask;

    public Task PreStop(IBus bus)
    {
        lock (_lock)
        {
            _running = false;
            _stops++;
        }

        return Task.CompletedTask;
    }

    public Task PostStop(IBus bus) => Task.CompletedTask;

    public Task StopFaulted(IBus bus, Exception exception) => Task.CompletedTask;
}
