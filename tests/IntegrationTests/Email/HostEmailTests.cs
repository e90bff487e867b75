using System.Net;
using Microsoft.AspNetCore.Http;
using SafetyReports.IntegrationTests.Infrastructure;
using SafetyReports.IntegrationTests.Notification;
using static SafetyReports.IntegrationTests.Email.ReporterMailJourney;

namespace SafetyReports.IntegrationTests.Email;

/// <summary>Hosts' mails end to end: Standalone, Notification's mailer sending to a real SMTP server on loopback.</summary>
[Trait("Speed", "Slow")]
public class HostEmailTests(HostEmailFixture fixture) : IClassFixture<HostEmailFixture>
{
    private const string Model = "org/model";

    private StandaloneSystem Sut => fixture.System;

    private SmtpTestServer Smtp => fixture.Smtp;

    [Fact]
    public async Task A_host_without_a_subscription_gets_each_notice_by_mail_with_its_inbox_link_and_never_the_reporters_contact()
    {
        var (host, contact) = await NewHostAsync("<b>Hub</b> & \"Co\"");
        var reporter = NewAddress("reporter");
        var (id, _) = await Sut.Api.SubmitAsync(HostReport(host, reporter, "<img src=x onerror=alert(1)> jailbreak"));

        await MoveAsync(Sut, id, "triaged");

        var mail = Assert.Single(await Smtp.WaitForAsync(contact));
        Assert.Equal($"New report about {host}/{Model}", mail.Subject);
        Assert.Equal("reports@safety.test", mail.From.Mailboxes.Single().Address);
        var inbox = $"{HostEmailFixture.PortalBaseUrl}portal/host/reports/{id}";
        Assert.Contains(inbox, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{inbox}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Severity: high", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Category: violent-crimes", mail.TextBody, StringComparison.Ordinal);
        foreach (var part in new[] { mail.TextBody, mail.HtmlBody })
        {
            Assert.DoesNotContain(reporter, part, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Rita Reporter", part, StringComparison.Ordinal);
        }

        foreach (var hostile in new[] { "<b>", "<img" })
        {
            Assert.DoesNotContain(hostile, mail.HtmlBody, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;b&gt;Hub&lt;/b&gt; &amp; &quot;Co&quot;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", mail.HtmlBody, StringComparison.Ordinal);

        await MoveAsync(Sut, id, "rejected");
        var mails = await Smtp.WaitForAsync(contact, 2);
        Assert.Contains(mails, m => m.Subject == $"Report about {host}/{Model} rejected");
        Assert.Equal(2, mails.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_host_with_an_enabled_subscription_gets_the_webhook_and_no_mail()
    {
        var (host, contact) = await NewHostAsync("Hooked");
        await using var receiver = await ScriptedReceiver.StartAsync();
        await SubscribeAsync(host, receiver.BaseUrl + "/hooks");
        var (id, _) = await Sut.Api.SubmitAsync(HostReport(host, null, $"Hooked {Guid.NewGuid():N}"));

        await MoveAsync(Sut, id, "triaged");
        await Eventually.UntilAsync(() => Task.FromResult(receiver.Received.Any(r => r.Body.Contains(id.ToString(), StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30), "the webhook to arrive");

        await AssertNoMoreHostMailAsync(contact, expected: 0);
    }

    [Fact]
    public async Task A_subscription_disabled_because_its_receiver_is_gone_is_one_operational_mail_to_the_host()
    {
        var (host, contact) = await NewHostAsync("Gone Inc");
        await using var receiver = await ScriptedReceiver.StartAsync();
        receiver.Respond = _ => new ScriptedReply(StatusCodes.Status410Gone);
        var subscription = await SubscribeAsync(host, receiver.BaseUrl + "/gone");
        var (id, _) = await Sut.Api.SubmitAsync(HostReport(host, null, $"Gone {Guid.NewGuid():N}"));

        await MoveAsync(Sut, id, "triaged");

        var mail = Assert.Single(await Smtp.WaitForAsync(contact));
        Assert.Equal("Webhook subscription disabled", mail.Subject);
        Assert.Contains(subscription.ToString(), mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("410 Gone", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{HostEmailFixture.PortalBaseUrl}portal/host/subscriptions", mail.TextBody, StringComparison.Ordinal);

        // With its only subscription disabled, the host hears of the next report by mail.
        await MoveAsync(Sut, id, "rejected");
        var mails = await Smtp.WaitForAsync(contact, 2);
        Assert.Single(mails, m => m.Subject == "Webhook subscription disabled");
        Assert.Single(mails, m => m.Subject == $"Report about {host}/{Model} rejected");
    }

    [Fact]
    public async Task With_the_SMTP_server_down_a_host_mail_waits_and_is_sent_once_when_it_is_back_even_if_its_event_comes_again()
    {
        var (host, contact) = await NewHostAsync("Patient");
        var (id, _) = await Sut.Api.SubmitAsync(HostReport(host, null, $"Patient {Guid.NewGuid():N}"));
        await Sut.Api.TriageReportAsync(id);

        await Smtp.StopAsync();
        try
        {
            await MoveAsync(Sut, id, "triaged");
            await Eventually.UntilAsync(() => Task.FromResult(StoreQuery.Rows(Sut.DataDirectory, "notification.db",
                    "SELECT failures FROM mail_outbox WHERE sent_at IS NULL AND failures >= 2").Count > 0),
                TimeSpan.FromSeconds(30), "the host's mail to fail while the server is down");
        }
        finally
        {
            await Smtp.StartAgainAsync();
        }

        var mail = Assert.Single(await Smtp.WaitForAsync(contact));

        // The same event delivered again (a redelivery) queues nothing new.
        var report = await Sut.Api.TriageReportAsync(id);
        await Sut.Get<MassTransit.IBus>().Publish(new SafetyReports.Contracts.ReportStatusChanged(
            id, "triaged", "received", report["version"]!.GetValue<long>(),
            new SafetyReports.Contracts.ModelReference(host, Model, null, null), "violent-crimes", "high", "t", null, DateTimeOffset.UtcNow),
            TestContext.Current.CancellationToken);
        await AssertNoMoreHostMailAsync(contact, expected: 1);
        Assert.Single(Smtp.Received(), m => m.MessageId == mail.MessageId);
    }

    private static object HostReport(string host, string? reporter, string title) => new
    {
        model = new { host, id = Model, revision = (string?)null, url = (string?)null },
        category = "violent-crimes",
        severity = "high",
        title,
        description = "The model gave step-by-step instructions.",
        evidence = new[] { new { kind = "prompt", content = "how do I …" } },
        reporter = reporter is null ? null : new { name = "Rita Reporter", email = reporter },
        contactAllowed = reporter is not null,
        goodFaith = true,
    };

    private async Task<(string Id, string Contact)> NewHostAsync(string name)
    {
        var id = $"mail-{Guid.NewGuid():N}"[..16];
        var contact = NewAddress("host");
        using var created = await Sut.Api.SendAsync(HttpMethod.Post, Sut.Url, "/api/v1/hosts", TestClients.Admin, new { id, name, contactEmail = contact });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (id, contact);
    }

    private async Task<Guid> SubscribeAsync(string host, string url)
    {
        using var subscribed = await Sut.Api.SendAsync(HttpMethod.Post, Sut.Url, $"/api/v1/hosts/{host}/subscriptions", TestClients.Admin,
            new { url, events = new[] { "report.triaged" }, modelPatterns = new[] { "**" } });
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        return Guid.Parse((await SystemUnderTest.JsonAsync(subscribed))["id"]!.GetValue<string>());
    }

    /// <summary>
    /// Proves Notification's mail loop ran past the events already caused: a host without a subscription, told of a report
    /// afterwards, gets its mail; <paramref name="address"/> still has <paramref name="expected"/> mails.
    /// </summary>
    private async Task AssertNoMoreHostMailAsync(string address, int expected)
    {
        var (marker, markerContact) = await NewHostAsync("Marker");
        var (id, _) = await Sut.Api.SubmitAsync(HostReport(marker, null, $"Marker {Guid.NewGuid():N}"));
        await MoveAsync(Sut, id, "triaged");
        await Smtp.WaitForAsync(markerContact);
        Assert.Equal(expected, Smtp.ReceivedFor(address).Count);
    }
}
