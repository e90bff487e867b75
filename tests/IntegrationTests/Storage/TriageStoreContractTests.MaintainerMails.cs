using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.ServiceDefaults.Email;
using SafetyReports.Triage;
using SafetyReports.Triage.Domain;
using static SafetyReports.IntegrationTests.Storage.StorageTestData;

namespace SafetyReports.IntegrationTests.Storage;

/// <summary>
/// The maintainers' mails over the store, on a clock the test moves: an SLA breach on an assigned report is mailed once
/// however often the watch looks, and a digest maintainer's events wait for the digest hour, then leave as one mail, once.
/// </summary>
public abstract partial class TriageStoreContractTests
{
    [Fact]
    public async Task An_SLA_breach_is_mailed_once_and_a_digest_maintainers_events_leave_together_at_the_digest_hour()
    {
        var store = await CreateStoreAsync();
        var clock = new ManualClock(At(0));
        var protector = new MailProtector(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        var sla = new SlaOptions();
        var mails = new MaintainerMails(store, protector, new EmailOptions { PublicBaseUrl = "https://reports.example/" },
            new SlaPolicy(sla, clock), new MaintainerMailOptions { DigestHourUtc = 7 }, clock);

        var assigned = NewReport(At(0)) with { Assignee = "ana@example.org" };
        var longOverdue = NewReport(At(0) - TimeSpan.FromDays(10)) with { Assignee = "ana@example.org", Title = "Long overdue" };
        var someoneElses = NewReport(At(0)) with { Assignee = "bo@example.org" };
        foreach (var report in new[] { assigned, longOverdue, someoneElses })
        {
            await store.AddReportAsync(report, Audit(report.Id, "received", report.ReceivedAt), [], Ct);
        }

        await store.SaveMaintainerNotificationsAsync(new MaintainerNotifications(
            "sub-ana", "ana@example.org", null, SlaBreach: true, false, HostResponded: false, false, NotificationDelivery.Immediate, At(0), "ana@example.org"), Ct);
        await store.SaveMaintainerNotificationsAsync(new MaintainerNotifications(
            "sub-dig", "dig@example.org", null, SlaBreach: true, false, HostResponded: true, false, NotificationDelivery.DailyDigest, At(0), "ana@example.org"), Ct);

        // Before the deadline: nothing. After it: one mail, however often the watch looks; the breach of ten days ago is old news.
        await mails.WatchBreachesAsync(Ct);
        Assert.Empty(await QueuedAsync());
        clock.Now = At(0) + sla.For(assigned.Severity) + TimeSpan.FromMinutes(1);
        await mails.WatchBreachesAsync(Ct);
        await mails.WatchBreachesAsync(Ct);
        var breach = Assert.Single(await QueuedAsync());
        Assert.Equal(("ana@example.org", "Triage deadline passed on your report about huggingface/org/model"), (breach.To, breach.Subject));
        Assert.Contains($"https://reports.example/portal/reports/{assigned.Id}", breach.Text, StringComparison.Ordinal);

        // The digest maintainer's breach and a host response wait for the digest hour (07:00 UTC).
        await mails.NotifyAsync(MaintainerEvent.HostResponded(assigned.Id, "host-a", 1, clock.Now), Ct);
        await mails.NotifyAsync(MaintainerEvent.HostResponded(assigned.Id, "host-a", 1, clock.Now), Ct);
        Assert.False(await mails.SendDigestsAsync(Ct));
        Assert.Single(await QueuedAsync());

        clock.Now = MaintainerMailRules.DigestCutoff(clock.Now, 7).AddDays(1);
        Assert.False(await mails.SendDigestsAsync(Ct));
        Assert.False(await mails.SendDigestsAsync(Ct));
        var digest = Assert.Single(await QueuedAsync(), m => m.To == "dig@example.org");
        Assert.StartsWith("Your SafetyReports digest: 2 events until", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("Triage deadline passed on your report", digest.Text, StringComparison.Ordinal);
        Assert.Contains("The host responded on your report", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Long overdue", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("protected-contact", digest.Text + digest.Html, StringComparison.Ordinal);

        async Task<List<OutgoingMail>> QueuedAsync() =>
            (await store.DueMailAsync(clock.Now + TimeSpan.FromDays(365), 100, Ct)).Select(protector.Read).ToList();
    }
}
