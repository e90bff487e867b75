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
    private static QueuedMail Mail(Guid id, DateTimeOffset at) => new(id, "protected-mail", at, 0, at);

    [Fact]
    public async Task A_mail_is_queued_once_waits_after_a_failure_and_is_never_due_again_once_sent()
    {
        var store = await CreateStoreAsync();
        var id = Guid.NewGuid();

        Assert.True(await store.QueueMailAsync(Mail(id, At(1)), Ct));
        Assert.False(await store.QueueMailAsync(Mail(id, At(2)), Ct));
        Assert.Equal([id], (await store.DueMailAsync(At(1), 10, Ct)).Select(m => m.Id));
        Assert.Empty(await store.DueMailAsync(At(0), 10, Ct));

        await store.MailFailedAsync(id, 1, At(5), Ct);
        Assert.Empty(await store.DueMailAsync(At(4), 10, Ct));
        var due = Assert.Single(await store.DueMailAsync(At(5), 10, Ct));
        Assert.Equal((1, "protected-mail"), (due.Failures, due.ProtectedMail));

        await store.MailSentAsync(id, At(6), Ct);
        Assert.Empty(await store.DueMailAsync(At(100), 10, Ct));
        // The same event queued again after it was sent sends nothing.
        Assert.False(await store.QueueMailAsync(Mail(id, At(7)), Ct));
        Assert.Empty(await store.DueMailAsync(At(100), 10, Ct));
    }

    [Fact]
    public async Task Due_mails_come_longest_due_first_and_at_most_the_batch()
    {
        var store = await CreateStoreAsync();
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await store.QueueMailAsync(Mail(a, At(3)), Ct);
        await store.QueueMailAsync(Mail(b, At(1)), Ct);
        await store.QueueMailAsync(Mail(c, At(2)), Ct);

        Assert.Equal([b, c], (await store.DueMailAsync(At(10), 2, Ct)).Select(m => m.Id));
    }

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
