namespace SafetyReports.IntegrationTests.Storage;

/// <summary>The mail outbox (the hosts' mails), as every store's (<see cref="MailOutboxContract"/>).</summary>
public abstract partial class NotificationStoreContractTests
{
    [Fact]
    public async Task A_mail_is_queued_once_waits_after_a_failure_and_is_never_due_again_once_sent() =>
        await MailOutboxContract.QueuedOnceWaitsAfterAFailureAndSentOnceAsync(await CreateStoreAsync());

    [Fact]
    public async Task Due_mails_come_longest_due_first_and_at_most_the_batch() =>
        await MailOutboxContract.LongestDueFirstAndAtMostTheBatchAsync(await CreateStoreAsync());

    [Fact]
    public async Task Sent_mails_are_pruned_after_their_retention_and_unsent_ones_never() =>
        await MailOutboxContract.SentMailsArePrunedAfterTheirRetentionAsync(await CreateStoreAsync());
}
