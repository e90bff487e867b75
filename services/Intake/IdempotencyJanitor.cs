using SafetyReports.Intake.Storage;

namespace SafetyReports.Intake;

/// <summary>
/// Forgets idempotency records past their retention (they hold an encrypted copy of a status token), then
/// scrubs the store's files of what was deleted since the last run (payloads dropped after hand-over, erased
/// contacts), so a report's text leaves Intake's files within the hour after Triage confirmed it.
/// </summary>
public sealed partial class IdempotencyJanitor(
    ISubmissionStore store, IOptions<IntakeOptions> options, TimeProvider clock, ILogger<IdempotencyJanitor> logger) : PollingLoop(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<LoopStep> RunStepAsync(CancellationToken stoppingToken)
    {
        var removed = await store.PurgeIdempotencyAsync(Clock.GetUtcNow() - options.Value.IdempotencyRetention, stoppingToken);
        if (removed > 0)
        {
            LogForgotten(Logger, removed);
        }

        if (!await store.ScrubDeletedAsync(stoppingToken))
        {
            LogScrubPostponed(Logger);
        }

        return LoopStep.Idle;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} idempotency records past their retention")]
    private static partial void LogForgotten(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store was too busy to scrub deleted content; trying again in an hour")]
    private static partial void LogScrubPostponed(ILogger logger);
}
