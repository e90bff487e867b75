using Microsoft.Extensions.Hosting;

namespace SafetyReports.ServiceDefaults.Hosting;

/// <summary>
/// The one shape of every background loop: run a step, wait <see cref="Interval"/> (or until <see cref="Wake"/> says
/// there is work), run the next. A step that says more work is waiting runs again at once; one that fails is logged
/// under <see cref="Name"/> and tried again after a back-off that doubles from <see cref="FirstRetry"/> up to the
/// interval. Stopping the host ends the loop during a step or a wait, without an error. A loop states only its step
/// and its interval.
/// </summary>
public abstract partial class PollingLoop(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>How the loop is named in logs: the class's name, with its type arguments.</summary>
    public virtual string Name => LoopName.Of(GetType());

    /// <summary>The wait between two steps that found nothing more to do.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>The wait after the first failed step; each further failure doubles it, up to <see cref="Interval"/>.</summary>
    protected virtual TimeSpan FirstRetry => TimeSpan.FromSeconds(1);

    /// <summary>Ends a wait early when this process has just made work for the loop.</summary>
    protected virtual WorkSignal? Wake => null;

    /// <summary>False: the loop never runs (a feature that is switched off).</summary>
    protected virtual bool Enabled => true;

    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    /// <summary>One step of the loop's work.</summary>
    protected abstract Task<LoopStep> RunStepAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        var backoff = new Backoff(FirstRetry, Interval);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan wait;
                try
                {
                    var step = await RunStepAsync(stoppingToken);
                    backoff.Reset();
                    if (step == LoopStep.Finished)
                    {
                        return;
                    }

                    if (step == LoopStep.MoreWaiting)
                    {
                        continue;
                    }

                    wait = Interval;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    wait = backoff.Next();
                    LogStepFailed(ex, Name, wait);
                }

                await WaitAsync(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the step or the wait was cancelled; the next start picks up from the stored state.
        }
    }

    private Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken) =>
        Wake is { } wake ? wake.WaitAsync(wait, clock, stoppingToken) : Task.Delay(wait, clock, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Loop}: a step failed; the next try is in {RetryIn}")]
    private partial void LogStepFailed(Exception exception, string loop, TimeSpan retryIn);
}

/// <summary>What a step of a <see cref="PollingLoop"/> left behind.</summary>
public enum LoopStep
{
    /// <summary>Nothing more now: wait the interval (or the wake signal).</summary>
    Idle,

    /// <summary>A full batch: more may be waiting, so run again at once.</summary>
    MoreWaiting,

    /// <summary>The loop's work is done for this process's life.</summary>
    Finished,
}
