using MimeKit;
using SafetyReports.IntegrationTests.Infrastructure;
using static SafetyReports.IntegrationTests.Email.ReporterMailJourney;

namespace SafetyReports.IntegrationTests.Email;

/// <summary>Standalone with no SMTP server configured writes each mail as an .eml file a person can open.</summary>
[Trait("Speed", "Slow")]
public class EmlFallbackTests
{
    [Fact]
    public async Task Without_an_SMTP_server_each_mail_is_an_eml_file_under_the_data_folder()
    {
        await using var system = await StandaloneSystem.StartAsync();
        var email = NewAddress("eml");
        var (id, _) = await system.Api.SubmitAsync(Report(email, notify: true, language: "es"));

        await MoveAsync(system, id, "triaged");

        var folder = Path.Combine(system.DataDirectory, "mail");
        var file = await Eventually.UntilAsync(
            () => Task.FromResult(Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.eml").FirstOrDefault() : null),
            TimeSpan.FromSeconds(30), "an .eml file in the mail folder");
        var mail = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal(email, mail.To.Mailboxes.Single().Address);
        Assert.Equal("Su informe sobre hub-mail/org/model ha sido confirmado", mail.Subject);
        Assert.Equal(mail.MessageId + ".eml", Path.GetFileName(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        }
    }

    [Fact]
    public async Task Without_an_SMTP_server_a_hosts_mail_is_an_eml_file_too()
    {
        await using var system = await StandaloneSystem.StartAsync();
        var contact = NewAddress("host-eml");
        using (var created = await system.Api.SendAsync(HttpMethod.Post, system.Url, "/api/v1/hosts", TestClients.Admin,
                   new { id = "hub-mail", name = "Hub Mail", contactEmail = contact }))
        {
            Assert.True(created.IsSuccessStatusCode, $"create host: {created.StatusCode}");
        }

        var (id, _) = await system.Api.SubmitAsync(Report(null, notify: false));
        await MoveAsync(system, id, "triaged");

        var folder = Path.Combine(system.DataDirectory, "mail");
        var mail = await Eventually.UntilAsync(async () =>
        {
            foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.eml") : [])
            {
                var candidate = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
                if (candidate.To.Mailboxes.Any(m => m.Address == contact))
                {
                    return candidate;
                }
            }

            return null;
        }, TimeSpan.FromSeconds(30), "the host's .eml file in the mail folder");
        Assert.Equal("New report about hub-mail/org/model", mail.Subject);
        Assert.Contains($"{system.Url}/portal/host/reports/{id}", mail.TextBody, StringComparison.Ordinal);
    }
}
