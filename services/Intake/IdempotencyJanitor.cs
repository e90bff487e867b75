using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SafetyReports.Intake.Storage;

namespace SafetyReports.Intake;

/// <summary>Forgets idempotency records past their retention: they hold an encrypted copy of a status token.</summary>
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
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Purging idempotency records failed; trying again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
