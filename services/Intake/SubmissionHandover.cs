using MassTransit;
using SafetyReports.Intake.Storage;

namespace SafetyReports.Intake;

/// <summary>
/// Intake's end of the no-loss rule: every stored submission is published to Triage, and published
/// again on a schedule until Triage confirms it stored it — across broker outages, lost messages,
/// in-memory bus restarts and Intake's own restarts (the schedule lives in the store). A submission
/// whose stored payload cannot be read back is set aside (kept, counted in readiness, logged) so that
/// it never holds back the ones after it.
/// </summary>
public sealed partial class SubmissionHandover(
    ISubmissionStore store,
    IBus bus,
    HandoverSignal signal,
    HandoverSchedule schedule,
    TimeProvider clock,
    ILogger<SubmissionHandover> logger) : PollingLoop(clock, logger)
{
    private const int BatchSize = 100;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(2);

    protected override WorkSignal Wake => signal.Signal;

    private async Task PublishAsync(PendingHandover pending, CancellationToken cancellationToken)
    {
        // As in the outbox: a publish whose confirm never comes fails after a while and is sent again.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(OutboxDispatcher.PublishTimeout);
        using (MessagingActivity.Start("ReportSubmitted hand-over", pending.TraceParent))
        {
            // Each copy expires about when the next one goes out: while Triage is down, copies do not pile up in its queue
            // (each could hold a consumer for minutes of retries on its return); the re-publish keeps the hand-over lossless.
            var timeToLive = schedule.TimeToLive(pending.Attempts + 1);
            await bus.Publish(pending.Payload, context => context.TimeToLive = timeToLive, timeout.Token);
        }

        if (pending.Attempts > 0)
        {
            LogResent(Logger, pending.Payload.ReportId, pending.Attempts + 1);
        }
    }

    /// <summary>Publishes one batch of due submissions; a failure leaves them stored, and they are re-sent.</summary>
    protected override async Task<LoopStep> RunStepAsync(CancellationToken stoppingToken)
    {
        var batch = await store.DueForHandoverAsync(Clock.GetUtcNow(), BatchSize, stoppingToken);
        foreach (var unreadable in batch.Unreadable)
        {
            await store.QuarantineSubmissionAsync(unreadable.Id, unreadable.Reason, Clock.GetUtcNow(), stoppingToken);
            LogQuarantined(Logger, unreadable.Id, unreadable.Reason);
        }

        var due = batch.Due;
        // Published together (each waits for its broker confirm); scheduled again in one write.
        var publishes = due.Select(pending => PublishAsync(pending, stoppingToken)).ToList();
        try
        {
            await Task.WhenAll(publishes);
        }
        finally
        {
            // Those published before a failure are scheduled too. If this write is lost, the batch is
            // simply published again (Triage's consumer is idempotent).
            var now = Clock.GetUtcNow();
            var published = due.Where((_, i) => publishes[i].IsCompletedSuccessfully)
                .Select(pending => new HandoverAttempt(pending.Payload.ReportId, schedule.NextAttempt(now, pending.Attempts + 1), pending.Attempts + 1))
                .ToList();
            if (published.Count > 0)
            {
                await store.ScheduleHandoverAsync(published, CancellationToken.None);
            }
        }

        return batch.Read == BatchSize ? LoopStep.MoreWaiting : LoopStep.Idle;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Submission {ReportId} cannot be handed over: its stored payload cannot be read, so it was set aside (see docs/intake.md); the others go on: {Reason}")]
    private static partial void LogQuarantined(ILogger logger, Guid reportId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-sent report {ReportId} to Triage (attempt {Attempt})")]
    private static partial void LogResent(ILogger logger, Guid reportId, int attempt);
}
