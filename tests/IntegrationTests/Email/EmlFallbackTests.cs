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
}
