namespace SafetyReports.UnitTests.ServiceDefaults;

/// <summary>
/// A clock whose time moves only when the test says so, with timers that fire then. A test awaits
/// <see cref="NextTimerAsync"/> to learn that the code under test is waiting, and for how long.
/// </summary>
internal sealed class SteppingClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<SteppingTimer> _timers = [];
    private TaskCompletionSource<TimeSpan> _timerStarted = NewSignal();
    private DateTimeOffset _now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppingTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Completes when a timer is next set, with its due time from now.</summary>
    public Task<TimeSpan> NextTimerAsync()
    {
        lock (_gate)
        {
            return _timerStarted.Task;
        }
    }

    /// <summary>Moves time on and fires every timer that falls due meanwhile.</summary>
    public void Advance(TimeSpan by)
    {
        List<SteppingTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).ToList();
            foreach (var timer in due)
            {
                _timers.Remove(timer);
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private void Set(SteppingTimer timer, TimeSpan dueTime)
    {
        TaskCompletionSource<TimeSpan>? started = null;
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = _now + dueTime;
            _timers.Add(timer);
            started = _timerStarted;
            _timerStarted = NewSignal();
        }

        started.TrySetResult(dueTime);
    }

    private void Remove(SteppingTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private static TaskCompletionSource<TimeSpan> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One-shot timers are all the code under test uses; a period is not repeated.</summary>
    private sealed class SteppingTimer(SteppingClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Set(this, dueTime);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
