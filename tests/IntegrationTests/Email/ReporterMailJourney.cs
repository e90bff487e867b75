using System.Net;
using SafetyReports.IntegrationTests.Infrastructure;

namespace SafetyReports.IntegrationTests.Email;

/// <summary>What the reporter e-mail tests do through the public contract: submit, move the report as a maintainer, read the audit.</summary>
public static class ReporterMailJourney
{
    public static string NewAddress(string what) => $"{what}-{Guid.NewGuid():N}@example.org";

    public static object Report(string? email, bool notify, string? language = null, string name = "Rita Reporter", string? title = null, string severity = "high") => new
    {
        model = new { host = "hub-mail", id = "org/model", revision = (string?)null, url = (string?)null },
        category = "violent-crimes",
        severity,
        // Unique: Intake folds a near-identical report from the same client into the first.
        title = title ?? $"Step-by-step instructions {Guid.NewGuid():N}",
        description = "The model gave step-by-step instructions.",
        evidence = new[] { new { kind = "prompt", content = "how do I …" } },
        reporter = email is null ? null : new { name, email },
        contactAllowed = email is not null,
        goodFaith = true,
        notifyByEmail = notify,
        language,
    };

    public static async Task MoveAsync(StandaloneSystem system, Guid id, string to, string? publicNote = null)
    {
        var report = await system.Api.TriageReportAsync(id);
        using var response = await system.Api.SendAsync(HttpMethod.Post, system.Url, $"/api/v1/triage/reports/{id}/transitions", TestClients.Triager,
            new { to, publicNote, expectedVersion = report["version"]!.GetValue<long>() });
        Assert.True(response.IsSuccessStatusCode, $"transition to {to}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Waits until the report's audit has <paramref name="action"/>.</summary>
    public static Task AuditHasAsync(StandaloneSystem system, Guid id, string action) =>
        Eventually.UntilAsync(async () =>
        {
            using var audit = await system.Api.SendAsync(HttpMethod.Get, system.Url, $"/api/v1/triage/reports/{id}/audit", TestClients.Triager);
            return audit.StatusCode == HttpStatusCode.OK
                && (await SystemUnderTest.JsonAsync(audit)).AsArray().Any(e => e!["action"]!.GetValue<string>() == action);
        }, TimeSpan.FromSeconds(30), $"the audit entry {action}");

    /// <summary>
    /// Proves that nothing more went to <paramref name="address"/> after the events already caused: a second, opted-in report
    /// moved afterwards gets its mail, so the mail loop has run past them; <paramref name="address"/> still has
    /// <paramref name="expected"/> mails.
    /// </summary>
    public static async Task AssertNoMoreMailAsync(StandaloneSystem system, SmtpTestServer smtp, string address, int expected)
    {
        var marker = NewAddress("marker");
        var (id, _) = await system.Api.SubmitAsync(Report(marker, notify: true));
        await MoveAsync(system, id, "needs_info");
        await smtp.WaitForAsync(marker);
        Assert.Equal(expected, smtp.ReceivedFor(address).Count);
    }
}
