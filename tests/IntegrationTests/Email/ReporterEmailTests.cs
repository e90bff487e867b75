using System.Net;
using System.Text.Json.Nodes;
using MimeKit;
using SafetyReports.IntegrationTests.Infrastructure;
using static SafetyReports.IntegrationTests.Email.ReporterMailJourney;

namespace SafetyReports.IntegrationTests.Email;

/// <summary>Reporters' mails end to end: Standalone, its mailer sending to a real SMTP server on loopback.</summary>
[Trait("Speed", "Slow")]
public class ReporterEmailTests(EmailFixture fixture) : IClassFixture<EmailFixture>
{
    private StandaloneSystem Sut => fixture.System;

    private SmtpTestServer Smtp => fixture.Smtp;

    [Fact]
    public async Task An_opted_in_reporter_gets_a_mail_in_their_language_with_a_working_status_link_and_one_click_unsubscribe()
    {
        var email = NewAddress("optin");
        var (id, _) = await Sut.Api.SubmitAsync(Report(email, notify: true, language: "fr-CA"));

        await MoveAsync(Sut, id, "needs_info", publicNote: "Quel prompt avez-vous utilisé ?");

        var mail = Assert.Single(await Smtp.WaitForAsync(email));
        Assert.Equal("Votre signalement concernant hub-mail/org/model : des précisions sont nécessaires", mail.Subject);
        Assert.Equal("reports@safety.test", mail.From.Mailboxes.Single().Address);
        Assert.EndsWith("@safety.test", mail.MessageId, StringComparison.Ordinal);
        Assert.Equal("fr", mail.Body!.Headers["Content-Language"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("Quel prompt avez-vous utilisé ?", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Catégorie de préjudice : Crimes violents", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"fr\" dir=\"ltr\"", mail.HtmlBody, StringComparison.Ordinal);

        // The status link opens the report without the token.
        var statusLink = Links(mail.TextBody ?? "").Single(l => l.Contains("/status?link=", StringComparison.Ordinal));
        using (var page = await Sut.Api.Http.GetAsync(statusLink, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains(id.ToString(), html, StringComparison.Ordinal);
            Assert.Contains("id=\"reply-form\"", html, StringComparison.Ordinal);
        }

        using (var tampered = await Sut.Api.Http.GetAsync(statusLink[..^4] + "AAAA", TestContext.Current.CancellationToken))
        {
            Assert.DoesNotContain(id.ToString(), await tampered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        // RFC 8058: a mail program POSTs List-Unsubscribe=One-Click to the List-Unsubscribe address.
        var unsubscribe = (mail.Headers["List-Unsubscribe"] ?? "").Trim('<', '>');
        using (var oneClick = await Sut.Api.Http.PostAsync(unsubscribe,
                   new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        await AuditHasAsync(Sut, id, "reporter_unsubscribed");
        await MoveAsync(Sut, id, "triaged");
        await AssertNoMoreMailAsync(Sut, Smtp, email, expected: 1);
        // The contact stays: only the mails stopped.
        Assert.NotNull((await Sut.Api.TriageReportAsync(id))["reporter"]);
    }

    [Fact]
    public async Task A_reporter_who_did_not_opt_in_gets_no_mail()
    {
        var email = NewAddress("optout");
        var (id, _) = await Sut.Api.SubmitAsync(Report(email, notify: false));

        await MoveAsync(Sut, id, "triaged");
        await MoveAsync(Sut, id, "rejected");

        await AssertNoMoreMailAsync(Sut, Smtp, email, expected: 0);
    }

    [Fact]
    public async Task Triaged_and_closed_each_send_one_mail_and_the_unsubscribe_page_can_also_erase_the_contact()
    {
        var email = NewAddress("closing");
        var (id, _) = await Sut.Api.SubmitAsync(Report(email, notify: true, language: "de"));

        await MoveAsync(Sut, id, "triaged");
        await MoveAsync(Sut, id, "rejected");

        var mails = await Smtp.WaitForAsync(email, 2);
        Assert.Contains(mails, m => m.Subject == "Ihre Meldung zu hub-mail/org/model wurde bestätigt");
        var closed = Assert.Single(mails, m => m.Subject == "Ihre Meldung zu hub-mail/org/model wurde abgeschlossen");
        Assert.Contains("ohne weitere Maßnahmen abgeschlossen", closed.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, mails.Select(m => m.MessageId).Distinct().Count());

        var unsubscribe = (closed.Headers["List-Unsubscribe"] ?? "").Trim('<', '>');
        using (var page = await Sut.Api.Http.GetAsync(unsubscribe, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("id=\"unsubscribe-erase\"", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        using (var erase = await Sut.Api.Http.PostAsync(unsubscribe, new FormUrlEncodedContent([new("erase", "true")]), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        }

        await Sut.Api.TriageReportAsync(id, r => r["reporter"] is null);
        await AuditHasAsync(Sut, id, "contact_erased");

        using var forged = await Sut.Api.Http.GetAsync($"{Sut.Url}/unsubscribe?t=forged", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task Hostile_names_and_text_are_escaped_in_the_HTML_part_and_kept_readable_in_the_text_part()
    {
        var email = NewAddress("hostile");
        const string name = "<script>alert('name')</script> & \"Rita\"";
        const string title = "<img src=x onerror=alert(1)> </p><a href=\"https://evil.test\">click</a>";
        var (id, _) = await Sut.Api.SubmitAsync(Report(email, notify: true, language: "ar", name: name, title: title));

        await MoveAsync(Sut, id, "needs_info", publicNote: "<b>bold</b> & <i>note</i>");

        var mail = Assert.Single(await Smtp.WaitForAsync(email));
        Assert.Contains("dir=\"rtl\"", mail.HtmlBody, StringComparison.Ordinal);
        foreach (var hostile in new[] { "<script", "<img", "<a href=\"https://evil.test\"", "<b>", "<i>" })
        {
            Assert.DoesNotContain(hostile, mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("&lt;script&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(name, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(title, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_SMTP_server_down_a_mail_waits_and_is_sent_once_when_it_is_back_even_if_its_event_comes_again()
    {
        var email = NewAddress("down");
        var (id, _) = await Sut.Api.SubmitAsync(Report(email, notify: true));
        await Sut.Api.TriageReportAsync(id);

        await Smtp.StopAsync();
        try
        {
            await MoveAsync(Sut, id, "triaged");
            await Eventually.UntilAsync(() => Task.FromResult(StoreQuery.Rows(Sut.DataDirectory, "triage.db",
                    "SELECT failures FROM mail_outbox WHERE sent_at IS NULL AND failures >= 2") .Count > 0),
                TimeSpan.FromSeconds(30), "the mail to fail while the server is down");
        }
        finally
        {
            await Smtp.StartAgainAsync();
        }

        var mail = Assert.Single(await Smtp.WaitForAsync(email));

        // The same event delivered again (a redelivery) queues nothing new: the Message-ID is never sent twice.
        var report = await Sut.Api.TriageReportAsync(id);
        var bus = Sut.Get<MassTransit.IBus>();
        await bus.Publish(new SafetyReports.Contracts.ReportStatusChanged(
            id, "triaged", "received", report["version"]!.GetValue<long>(),
            new SafetyReports.Contracts.ModelReference("hub-mail", "org/model", null, null), "violent-crimes", "high", "t", null, DateTimeOffset.UtcNow),
            TestContext.Current.CancellationToken);
        await AssertNoMoreMailAsync(Sut, Smtp, email, expected: 1);
        Assert.Single(Smtp.Received(), m => m.MessageId == mail.MessageId);
    }

    [Fact]
    public async Task The_API_refuses_notifyByEmail_without_an_address_and_an_unknown_language_with_field_errors()
    {
        foreach (var (body, field) in new (object Body, string Field)[]
                 {
                     (Report(null, notify: true), "notifyByEmail"),
                     (Report(NewAddress("lang"), notify: true, language: "xx-unknown"), "language"),
                 })
        {
            using var response = await Sut.Api.SendAsync(HttpMethod.Post, Sut.Url, "/api/v1/reports", json: body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await SystemUnderTest.JsonAsync(response))["errors"]![field]);
        }
    }

    private static IEnumerable<string> Links(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("http", StringComparison.Ordinal));
}
