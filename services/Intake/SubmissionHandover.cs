using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SafetyReports.Intake.Domain;
using SafetyReports.Intake.Storage;
using SafetyReports.ServiceDefaults.Messaging;

namespace SafetyReports.Intake;

/// <summary>
/// Intake's end of the no-loss rule: every stored submission is published to Triage, and published
/// again on a schedule until Triage confirms it stored it — across broker outages, lost messages,
/// in-memory bus restarts and Intake's own restarts (the schedule lives in the store).
/// </summary>
public sealed class SubmissionHandover(
    ISubmissionStore store,
    IBus bus,
    HandoverSignal signal,
    HandoverSchedule schedule,
    TimeProvider clock,
    ILogger<SubmissionHandover> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await store.DueForHandoverAsync(clock.GetUtcNow(), BatchSize, stoppingToken);
                var published = new List<HandoverAttempt>(due.Count);
                try
                {
                    foreach (var pending in due)
                    {
                        using (MessagingActivity.Start("ReportSubmitted hand-over", pending.TraceParent))
                        {
                            await bus.Publish(pending.Payload, stoppingToken);
                        }

                        var attempts = pending.Attempts + 1;
                        published.Add(new HandoverAttempt(pending.Payload.ReportId, schedule.NextAttempt(clock.GetUtcNow(), attempts), attempts));
                        if (attempts > 1)
                        {
                            logger.LogInformation("Re-sent report {ReportId} to Triage (attempt {Attempt})", pending.Payload.ReportId, attempts);
                        }
                    }
                }
                finally
                {
                    // One write for the batch; those published before a failure are scheduled too. If this
                    // write is lost, the batch is simply published again (Triage's consumer is idempotent).
                    if (published.Count > 0)
                    {
                        await store.ScheduleHandoverAsync(published, CancellationToken.None);
                    }
                }

                if (due.Count == BatchSize)
                {
                    continue;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Hand-over to Triage failed; the submissions stay stored and will be re-sent");
            }

            await signal.Signal.WaitAsync(PollInterval, stoppingToken);
        }
    }
}
