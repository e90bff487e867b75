using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using SafetyReports.ServiceDefaults.Contacts;

namespace SafetyReports.UnitTests.ServiceDefaults;

public class ReporterContactProtectorTests
{
    private static readonly ReporterContact Contact = new("Rita Reporter", "rita@example.org");

    [Fact]
    public void A_contact_from_the_same_key_ring_reads_back()
    {
        var protector = new ReporterContactProtector(new EphemeralDataProtectionProvider());

        Assert.Equal(new ContactReading(Contact, false), protector.Read(protector.Protect(Contact)));
        Assert.Equal(ContactReading.None, protector.Read(null));
        Assert.True(protector.CanDecrypt(protector.Protect(Contact)!));
    }

    [Fact]
    public void A_contact_from_another_key_ring_is_unavailable_and_the_cause_is_logged_once_naming_the_setting()
    {
        var intake = new ReporterContactProtector(new EphemeralDataProtectionProvider());
        var logger = new CountingLogger();
        var triage = new ReporterContactProtector(new EphemeralDataProtectionProvider(), logger);
        var sealedContact = intake.Protect(Contact)!;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(new ContactReading(null, true), triage.Read(sealedContact));
        }

        Assert.False(triage.CanDecrypt(sealedContact));
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("SafetyReports:DataProtection:KeysDirectory", entry.Message);
        Assert.DoesNotContain("rita@example.org", entry.Message);
    }

    private sealed class CountingLogger : ILogger<ReporterContactProtector>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
