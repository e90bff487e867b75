using Microsoft.Extensions.Options;
using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage;

/// <summary>
/// Every <see cref="ContactRetentionOptions.ContactPurgeInterval"/>, removes the reporter contact of reports
/// closed longer than the retention, in bounded batches, each with a <c>contact_purged</c> audit entry.
/// </summary>
public sealed partial class ContactRetentionJob(
    ITriageStore store, TriageReports reports, IOptions<ContactRetentionOptions> options, TimeProvider clock, ILogger<ContactRetentionJob> logger)
    : PollingLoop(clock, logger)
{
    /// <summary>One pass: batches until none is left due. Returns how many contacts were looked at.</summary>
    public async Task<int> PurgeDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var seen = 0;
        while (true)
        {
            var due = await store.ContactPurgeDueAsync(Clock.GetUtcNow() - settings.ContactRetention, settings.ContactPurgeBatchSize, cancellationToken);
            foreach (var id in due)
            {
                await reports.PurgeContactAsync(id, settings.ContactRetention, cancellationToken);
            }

            seen += due.Count;
            if (due.Count < settings.ContactPurgeBatchSize)
            {
                return seen;
            }
        }
    }

    protected override TimeSpan Interval => options.Value.ContactPurgeInterval;

    protected override async Task<LoopStep> RunStepAsync(CancellationToken stoppingToken)
    {
        var purged = await PurgeDueAsync(stoppingToken);
        if (purged > 0)
        {
            LogPurged(Logger, purged);
        }

        return LoopStep.Idle;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged the reporter contact of {Count} closed reports past their retention.")]
    private static partial void LogPurged(ILogger logger, int count);
}
