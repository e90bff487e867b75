using SafetyReports.Triage.Storage;

namespace SafetyReports.Triage.Disclosure;

/// <summary>
/// Every <see cref="DisclosureOptions.CheckInterval"/> (when the policy is on), walks the reports waiting for
/// their host's response long enough to be reminded about or disclosed, in bounded pages, and takes each one's due step.
/// </summary>
public sealed partial class DisclosureJob(
    ITriageStore store, TriageReports reports, DisclosureOptions options, TimeProvider clock, ILogger<DisclosureJob> logger)
    : PollingLoop(clock, logger)
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
        var triagedBefore = Clock.GetUtcNow() - (after - options.ReminderBefore);
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

    protected override bool Enabled => options.Enabled;

    protected override TimeSpan Interval => options.CheckInterval;

    protected override async Task<LoopStep> RunStepAsync(CancellationToken stoppingToken)
    {
        var seen = await RunOnceAsync(stoppingToken);
        if (seen > 0)
        {
            LogPass(Logger, seen);
        }

        return LoopStep.Idle;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Disclosure pass: {Seen} reports waiting on their hosts looked at")]
    private static partial void LogPass(ILogger logger, int seen);
}
