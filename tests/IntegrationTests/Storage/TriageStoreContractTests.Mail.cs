using MimeKit;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.ServiceDefaults.Email;
using SafetyReports.Triage.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>
/// The mail outbox (the reporters' mails) and what the report keeps for them: a mail id is queued once, waits while it fails,
/// is sent once; a report keeps its reporter's language and opt-in.
/// </summary>
public abstract partial class TriageStoreContractTests
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

    [Fact]
    public async Task A_report_keeps_its_reporters_language_and_opt_in()
    {
        var store = await CreateStoreAsync();
        var report = NewReport(At(1)) with { Language = "zh-Hans", NotifyByEmail = true, ProtectedContact = "CfDJ8-contact" };
        await store.AddReportAsync(report, Audit(report.Id, "received", At(1)), [], Ct);

        var stored = (await store.GetReportAsync(report.Id, Ct))!;

        Assert.Equal(("zh-Hans", true), (stored.Language, stored.NotifyByEmail));
    }

    [Fact]
    public async Task The_dispatcher_retries_a_mail_the_transport_refused_and_sends_it_once_with_the_same_Message_ID()
    {
        var store = await CreateStoreAsync();
        var clock = new ManualClock(At(1));
        var options = new EmailOptions { From = "reports@safety.test" };
        var protector = new MailProtector(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        var transport = new FlakyTransport { FailuresLeft = 2 };
        var dispatcher = new MailDispatcher<ITriageStore>(store, transport, protector, options, clock, NullLogger<MailDispatcher<ITriageStore>>.Instance);
        var mail = new OutgoingMail(Guid.NewGuid(), "rita@example.org", "Subject", "text", "<p>html</p>", "en");
        await store.QueueMailAsync(protector.Queue(mail, clock.GetUtcNow()), Ct);

        Assert.Equal(1, await dispatcher.SendDueAsync(Ct));
        Assert.Equal(0, await dispatcher.SendDueAsync(Ct));
        clock.Now += options.FirstRetry;
        Assert.Equal(1, await dispatcher.SendDueAsync(Ct));
        clock.Now += options.FirstRetry;
        Assert.Equal(0, await dispatcher.SendDueAsync(Ct));
        clock.Now += options.FirstRetry;
        Assert.Equal(1, await dispatcher.SendDueAsync(Ct));
        clock.Now += TimeSpan.FromDays(1);
        Assert.Equal(0, await dispatcher.SendDueAsync(Ct));

        Assert.Equal(3, transport.Attempts.Count);
        Assert.Single(transport.Attempts.Distinct());
        Assert.Equal($"{mail.Id:N}@safety.test", transport.Attempts[0]);
        Assert.Single(transport.Sent);
    }

    private sealed class FlakyTransport : IMailTransport
    {
        public int FailuresLeft { get; set; }

        public List<string> Attempts { get; } = [];

        public List<MimeMessage> Sent { get; } = [];

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            Attempts.Add(message.MessageId ?? "");
            if (FailuresLeft-- > 0)
            {
                throw new IOException("connection reset");
            }

            Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
