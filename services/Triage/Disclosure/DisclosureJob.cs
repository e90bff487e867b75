using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Disclosure;

/// <summary>
/// Every <see cref="DisclosureOptions.CheckInterval"/> (when the policy is on), walks the reports waiting for
/// their host's response long enough to be reminded about or disclosed, in bounded pages, and takes each one's due step.
/// </summary>
public sealed partial class DisclosureJob(
    ITriageStore store, TriageReports reports, DisclosureOptions options, TimeProvider clock, ILogger<DisclosureJob> logger)
    : BackgroundService
{
    /// <summary>One pass over every report due a step. Returns how many were looked at.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (options.After is not { } after)
        {
            return 0;
        }

        var seen = 0;
        DisclosureCursor? position = null;
        var triagedBefore = clock.GetUtcNow() - (after - options.ReminderBefore);
        while (true)
        {
            var due = await store.DisclosureDueAsync(triagedBefore, position, options.BatchSize, cancellationToken);
            foreach (var report in due)
            {
                await reports.AdvanceDisclosureAsync(report.Id, options, cancellationToken);
            }

            seen += due.Count;
            if (due.Count < options.BatchSize)
            {
                return seen;
            }

            position = due[^1];
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var seen = await RunOnceAsync(stoppingToken);
                if (seen > 0)
                {
                    LogPass(seen);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next pass retries; a step taken late is still taken.
                LogFailed(ex);
            }

            try
            {
                await Task.Delay(options.CheckInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Disclosure pass: {Seen} reports waiting on their hosts looked at")]
    private partial void LogPass(int seen);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disclosure pass failed; retrying at the next interval")]
    private partial void LogFailed(Exception exception);
}
