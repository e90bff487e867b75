using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SafetyReports.Triage.Domain;
using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage;

/// <summary>
/// Every <see cref="ContactRetentionOptions.ContactPurgeInterval"/>, removes the reporter contact of reports
/// closed longer than the retention, in bounded batches, each with a <c>contact_purged</c> audit entry.
/// </summary>
public sealed partial class ContactRetentionJob(
    ITriageStore store, TriageReports reports, IOptions<ContactRetentionOptions> options, TimeProvider clock, ILogger<ContactRetentionJob> logger)
    : BackgroundService
{
    /// <summary>One pass: batches until none is left due. Returns how many contacts were looked at.</summary>
    public async Task<int> PurgeDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var seen = 0;
        while (true)
        {
            var due = await store.ContactPurgeDueAsync(clock.GetUtcNow() - settings.ContactRetention, settings.ContactPurgeBatchSize, cancellationToken);
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var purged = await PurgeDueAsync(stoppingToken);
                if (purged > 0)
                {
                    LogPurged(purged);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next pass retries; nothing is lost by waiting.
                LogFailed(ex);
            }

            try
            {
                await Task.Delay(options.Value.ContactPurgeInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged the reporter contact of {Count} closed reports past their retention.")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging reporter contacts failed; the next pass retries.")]
    private partial void LogFailed(Exception exception);
}
