namespace SafetyReports.ServiceDefaults.Email;

/// <summary>
/// Every hour: drops the store's mails sent more than <see cref="EmailOptions.SentRetention"/> ago (only their ids and
/// times were left), so the mail outbox does not grow for ever. A batch at a time; a full batch runs again at once.
/// </summary>
public sealed class MailOutboxPruner<TStore>(TStore store, EmailOptions options, TimeProvider clock, ILogger<MailOutboxPruner<TStore>> logger)
    : PollingLoop(clock, logger)
    where TStore : IMailOutboxStore
{
    public const int BatchSize = 1_000;

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<LoopStep> RunStepAsync(CancellationToken cancellationToken) =>
        await store.PruneSentMailAsync(Clock.GetUtcNow() - options.SentRetention, BatchSize, cancellationToken) == BatchSize
            ? LoopStep.MoreWaiting
            : LoopStep.Idle;
}
