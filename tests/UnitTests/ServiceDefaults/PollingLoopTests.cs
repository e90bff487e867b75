using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SafetyReports.ServiceDefaults.Hosting;
using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.UnitTests.ServiceDefaults;

/// <summary>
/// The base of every background loop, on a clock the test moves: when steps run, how long the loop waits after a
/// success and after failures, what wakes it, and how it stops.
/// </summary>
public class PollingLoopTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>A loop whose steps the test scripts: each step takes the next outcome (or exception) from the queue.</summary>
    private sealed class ScriptedLoop(SteppingClock clock, ILogger logger, bool enabled = true, WorkSignal? wake = null) : PollingLoop(clock, logger)
    {
        public Channel<int> Steps { get; } = Channel.CreateUnbounded<int>();

        public ConcurrentQueue<Func<CancellationToken, Task<LoopStep>>> Script { get; } = new();

        private int _count;

        protected override TimeSpan Interval => PollingLoopTests.Interval;

        protected override TimeSpan FirstRetry => TimeSpan.FromSeconds(10);

        protected override WorkSignal? Wake => wake;

        protected override bool Enabled => enabled;

        protected override Task<LoopStep> RunStepAsync(CancellationToken cancellationToken)
        {
            Steps.Writer.TryWrite(Interlocked.Increment(ref _count));
            return Script.TryDequeue(out var next) ? next(cancellationToken) : Task.FromResult(LoopStep.Idle);
        }

        public void Then(LoopStep step) => Script.Enqueue(_ => Task.FromResult(step));

        public void ThenFail() => Script.Enqueue(_ => throw new IOException("the store is away"));
    }

    private sealed class ListLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception), exception));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> NextStepAsync(ScriptedLoop loop) => await loop.Steps.Reader.ReadAsync(Ct);

    [Fact]
    public async Task A_step_runs_at_start_and_the_next_one_after_the_interval()
    {
        var clock = new SteppingClock();
        using var loop = new ScriptedLoop(clock, new ListLogger());
        var waiting = clock.NextTimerAsync();
        await loop.StartAsync(Ct);

        Assert.Equal(1, await NextStepAsync(loop));
        Assert.Equal(Interval, await waiting.WaitAsync(Ct));
        Assert.False(loop.Steps.Reader.TryRead(out _));

        clock.Advance(Interval);
        Assert.Equal(2, await NextStepAsync(loop));
        await loop.StopAsync(Ct);
    }

    [Fact]
    public async Task A_step_that_left_more_work_is_followed_at_once_without_waiting()
    {
        var clock = new SteppingClock();
        using var loop = new ScriptedLoop(clock, new ListLogger());
        loop.Then(LoopStep.MoreWaiting);
        loop.Then(LoopStep.MoreWaiting);
        var waiting = clock.NextTimerAsync();
        await loop.StartAsync(Ct);

        int[] steps = [await NextStepAsync(loop), await NextStepAsync(loop), await NextStepAsync(loop)];
        Assert.Equal([1, 2, 3], steps);
        // Only after the third (idle) step does the loop wait, and then the whole interval.
        Assert.Equal(Interval, await waiting.WaitAsync(Ct));
        await loop.StopAsync(Ct);
    }

    [Fact]
    public async Task Failed_steps_are_logged_with_the_loop_name_and_retried_after_a_doubling_back_off_capped_at_the_interval()
    {
        var clock = new SteppingClock();
        var logger = new ListLogger();
        using var loop = new ScriptedLoop(clock, logger);
        for (var i = 0; i < 6; i++)
        {
            loop.ThenFail();
        }

        var waits = new List<TimeSpan>();
        var waiting = clock.NextTimerAsync();
        await loop.StartAsync(Ct);
        for (var step = 1; step <= 7; step++)
        {
            Assert.Equal(step, await NextStepAsync(loop));
            var wait = await waiting.WaitAsync(Ct);
            waits.Add(wait);
            waiting = clock.NextTimerAsync();
            clock.Advance(wait);
        }

        Assert.Equal(8, await NextStepAsync(loop));
        await loop.StopAsync(Ct);

        // 10 s doubling: 10, 20, 40, 80, 160, then the interval (300 s) caps it; the success after them waits the interval.
        Assert.Equal([10, 20, 40, 80, 160, 300, 300], waits.Select(w => w.TotalSeconds));
        var failures = logger.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        Assert.Equal(6, failures.Count);
        Assert.All(failures, f => Assert.StartsWith("ScriptedLoop: a step failed", f.Message, StringComparison.Ordinal));
        Assert.All(failures, f => Assert.IsType<IOException>(f.Exception));
    }

    [Fact]
    public async Task A_success_after_failures_starts_the_back_off_again_from_the_first_retry()
    {
        var clock = new SteppingClock();
        using var loop = new ScriptedLoop(clock, new ListLogger());
        loop.ThenFail();
        loop.ThenFail();
        loop.Then(LoopStep.Idle);
        loop.ThenFail();

        var waits = new List<TimeSpan>();
        var waiting = clock.NextTimerAsync();
        await loop.StartAsync(Ct);
        for (var step = 1; step <= 4; step++)
        {
            await NextStepAsync(loop);
            var wait = await waiting.WaitAsync(Ct);
            waits.Add(wait);
            waiting = clock.NextTimerAsync();
            clock.Advance(wait);
        }

        await loop.StopAsync(Ct);
        Assert.Equal([10, 20, 300, 10], waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task The_wake_signal_ends_the_wait_before_the_interval()
    {
        var clock = new SteppingClock();
        var wake = new WorkSignal();
        using var loop = new ScriptedLoop(clock, new ListLogger(), wake: wake);
        var waiting = clock.NextTimerAsync();
        await loop.StartAsync(Ct);
        await NextStepAsync(loop);
        Assert.Equal(Interval, await waiting.WaitAsync(Ct));

        wake.Notify();

        Assert.Equal(2, await NextStepAsync(loop));
        await loop.StopAsync(Ct);
    }

    [Fact]
    public async Task Stopping_during_a_wait_ends_the_loop_without_an_error()
    {
        var clock = new SteppingClock();
        var logger = new ListLogger();
        using var loop = new ScriptedLoop(clock, logger);
        var waiting = clock.NextTimerAsync();
        await loop.StartAsync(Ct);
        await NextStepAsync(loop);
        await waiting.WaitAsync(Ct);

        await loop.StopAsync(Ct);

        Assert.True(loop.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task Stopping_during_a_step_cancels_it_and_ends_the_loop_without_logging_a_failure()
    {
        var clock = new SteppingClock();
        var logger = new ListLogger();
        using var loop = new ScriptedLoop(clock, logger);
        loop.Script.Enqueue(async ct =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return LoopStep.Idle;
        });
        await loop.StartAsync(Ct);
        await NextStepAsync(loop);

        await loop.StopAsync(Ct);

        Assert.True(loop.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task A_finished_step_ends_the_loop()
    {
        var clock = new SteppingClock();
        using var loop = new ScriptedLoop(clock, new ListLogger());
        loop.Then(LoopStep.Finished);
        await loop.StartAsync(Ct);

        await loop.ExecuteTask!.WaitAsync(Ct);

        Assert.Equal(1, await NextStepAsync(loop));
        Assert.False(loop.Steps.Reader.TryRead(out _));
        await loop.StopAsync(Ct);
    }

    [Fact]
    public async Task A_loop_that_is_switched_off_never_runs_a_step()
    {
        var clock = new SteppingClock();
        using var loop = new ScriptedLoop(clock, new ListLogger(), enabled: false);
        await loop.StartAsync(Ct);

        await loop.ExecuteTask!.WaitAsync(Ct);

        Assert.False(loop.Steps.Reader.TryRead(out _));
        await loop.StopAsync(Ct);
    }

    [Fact]
    public void Generic_loops_are_named_with_their_type_arguments()
    {
        Assert.Equal("OutboxDispatcher<IOutboxStore>", LoopName.Of(typeof(OutboxDispatcher<IOutboxStore>)));
        Assert.Equal("PollingLoopTests", LoopName.Of(typeof(PollingLoopTests)));
    }

    [Fact]
    public void The_back_off_doubles_from_the_first_wait_never_beyond_the_maximum_and_starts_over_after_a_reset()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));

        Assert.Equal([3, 6, 10, 10], Enumerable.Range(0, 4).Select(_ => backoff.Next().TotalSeconds));
        backoff.Reset();
        Assert.Equal(3, backoff.Next().TotalSeconds);
        Assert.Equal(2, new Backoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2)).Next().TotalSeconds);
    }
}
