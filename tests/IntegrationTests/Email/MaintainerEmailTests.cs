using System.Net;
using SafetyReports.IntegrationTests.Infrastructure;
using static SafetyReports.IntegrationTests.Email.ReporterMailJourney;

namespace SafetyReports.IntegrationTests.Email;

/// <summary>Maintainers' mails end to end: choices saved through the API, mails read from a real SMTP server on loopback.</summary>
[Trait("Speed", "Slow")]
public class MaintainerEmailTests(EmailFixture fixture) : IClassFixture<EmailFixture>
{
    private StandaloneSystem Sut => fixture.System;

    private SmtpTestServer Smtp => fixture.Smtp;

    private static object NewReport(string severity) => Report(NewAddress("reporter"), notify: false, severity: severity);

    [Fact]
    public async Task A_maintainer_who_opted_in_to_high_and_above_gets_one_mail_per_critical_report_and_none_for_a_low_one()
    {
        var address = NewAddress("maintainer");
        using (var saved = await Sut.Api.SendAsync(HttpMethod.Put, Sut.Url, "/api/v1/triage/me/notifications", TestClients.Triager, new
        {
            email = address, newReportSeverity = "high", slaBreach = false, reporterAnswered = false, hostResponded = false, contested = false,
            delivery = "Immediate",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        using (var bad = await Sut.Api.SendAsync(HttpMethod.Put, Sut.Url, "/api/v1/triage/me/notifications", TestClients.Triager, new
        {
            email = "nobody", newReportSeverity = "low", delivery = "Hourly",
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        // The bad request changed nothing.
        using (var read = await Sut.Api.SendAsync(HttpMethod.Get, Sut.Url, "/api/v1/triage/me/notifications", TestClients.Triager))
        {
            var choices = await SystemUnderTest.JsonAsync(read);
            Assert.Equal((address, "high", "Immediate"),
                (choices["email"]!.GetValue<string>(), choices["newReportSeverity"]!.GetValue<string>(), choices["delivery"]!.GetValue<string>()));
        }

        var (low, _) = await Sut.Api.SubmitAsync(NewReport("low"));
        var (critical, _) = await Sut.Api.SubmitAsync(NewReport("critical"));

        var mail = Assert.Single(await Smtp.WaitForAsync(address));
        Assert.Equal("New critical report about hub-mail/org/model", mail.Subject);
        Assert.Contains($"/portal/reports/{critical}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/portal/reports/{critical}", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Rita Reporter", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("reporter-", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);

        // A later high report's mail proves the low one (submitted before the critical one) was passed over, not late.
        var (high, _) = await Sut.Api.SubmitAsync(NewReport("high"));
        var mails = await Smtp.WaitForAsync(address, 2);
        Assert.Contains(mails, m => m.TextBody!.Contains($"/portal/reports/{high}", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.TextBody!.Contains(low.ToString(), StringComparison.Ordinal));
        Assert.Equal(2, mails.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task The_maintainer_a_report_is_assigned_to_gets_one_mail_when_the_reporter_answers()
    {
        var address = NewAddress("assignee");
        string assignedAs;
        using (var saved = await Sut.Api.SendAsync(HttpMethod.Put, Sut.Url, "/api/v1/triage/me/notifications", TestClients.Triager, new
        {
            email = address, newReportSeverity = (string?)null, slaBreach = true, reporterAnswered = true, hostResponded = true, contested = true,
            delivery = "Immediate",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            assignedAs = (await SystemUnderTest.JsonAsync(saved))["assignedAs"]!.GetValue<string>();
        }

        var (mine, token) = await Sut.Api.SubmitAsync(NewReport("medium"));
        var (others, otherToken) = await Sut.Api.SubmitAsync(NewReport("medium"));
        await AssignAsync(mine, assignedAs);
        await AssignAsync(others, "someone-else@example.org");
        foreach (var (id, reporterToken) in new[] { (mine, token), (others, otherToken) })
        {
            await MoveAsync(Sut, id, "needs_info", "Which prompt did you use?");
            await ReporterSeesAsync(id, reporterToken, "needs_info");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Sut.Url}/api/v1/reports/{id}/messages")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { message = "This prompt." }),
            };
            request.Headers.Add("X-Report-Token", reporterToken);
            using var answer = await Sut.Api.Http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(answer.IsSuccessStatusCode, $"answer: {(int)answer.StatusCode}");
            await AuditHasAsync(Sut, id, "reporter_message");
        }

        var mail = Assert.Single(await Smtp.WaitForAsync(address));
        Assert.Equal("The reporter answered on your report about hub-mail/org/model", mail.Subject);
        Assert.Contains($"/portal/reports/{mine}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("This prompt.", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Rita Reporter", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
    }

    /// <summary>The reporter may answer once Intake has heard of the request for information.</summary>
    private Task ReporterSeesAsync(Guid id, string token, string status) =>
        Eventually.UntilAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Sut.Url}/api/v1/reports/{id}/status");
            request.Headers.Add("X-Report-Token", token);
            using var response = await Sut.Api.Http.SendAsync(request);
            return (await SystemUnderTest.JsonAsync(response))["status"]?.GetValue<string>() == status;
        }, TimeSpan.FromSeconds(30), $"the reporter to see {status}");

    private async Task AssignAsync(Guid id, string assignee)
    {
        var report = await Sut.Api.TriageReportAsync(id);
        using var response = await Sut.Api.SendAsync(HttpMethod.Post, Sut.Url, $"/api/v1/triage/reports/{id}/assignment", TestClients.Triager,
            new { assignee, expectedVersion = report["version"]!.GetValue<long>() });
        Assert.True(response.IsSuccessStatusCode, $"assignment: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
