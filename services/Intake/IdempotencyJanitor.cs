using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SafetyReports.Intake.Storage;

namespace SafetyReports.Intake;

/// <summary>
/// Forgets idempotency records past their retention (they hold an encrypted copy of a status token), then
/// scrubs the store's files of what was deleted since the last run (payloads dropped after hand-over, erased
/// contacts), so a report's text leaves Intake's files within the hour after Triage confirmed it.
/// </summary>
public sealed class IdempotencyJanitor(
    ISubmissionStore store, IOptions<IntakeOptions> options, TimeProvider clock, ILogger<IdempotencyJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var removed = await store.PurgeIdempotencyAsync(clock.GetUtcNow() - options.Value.IdempotencyRetention, stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Forgot {Count} idempotency records past their retention", removed);
                }

                if (!await store.ScrubDeletedAsync(stoppingToken))
                {
                    logger.LogInformation("The store was too busy to scrub deleted content; trying again in an hour");
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Purging idempotency records or scrubbing deleted content failed; trying again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
