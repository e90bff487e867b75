namespace SafetyReports.Triage;

/// <summary>
/// Every <see cref="MaintainerMailOptions.CheckInterval"/>: the SLA watch (a mail, or digest item, per passed deadline on an
/// assigned report) and the daily digests due (<see cref="MaintainerMails"/>).
/// </summary>
public sealed class MaintainerMailJob(MaintainerMails mails, MaintainerMailOptions options, TimeProvider clock, ILogger<MaintainerMailJob> logger)
    : PollingLoop(clock, logger)
{
    protected override TimeSpan Interval => options.CheckInterval;

    protected override async Task<LoopStep> RunStepAsync(CancellationToken cancellationToken)
    {
        await mails.WatchBreachesAsync(cancellationToken);
        return await mails.SendDigestsAsync(cancellationToken) ? LoopStep.MoreWaiting : LoopStep.Idle;
    }
}
