using SafetyReports.Contracts;
using SafetyReports.ServiceDefaults.Messaging;
using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Email;

public class ReportSubmittedCompatibilityTests
{
    [Fact]
    public void A_submission_from_before_language_and_opt_in_reads_as_English_without_mails()
    {
        const string older = """
            {"reportId":"7d0f9f4e-5b0a-4f57-a0b3-2f3b0b7c1e55","receivedAt":"2026-11-29T12:00:00+00:00",
             "model":{"host":"hub","id":"org/model"},"category":"privacy","severity":null,"title":"t","description":"d",
             "evidence":[],"protectedContact":"CfDJ8-contact","contactAllowed":true,"unchallenged":false}
            """;

        Assert.True(MessageSerialization.TryDeserialize(typeof(ReportSubmitted).FullName!, older, out var message, out _, out var unreadable), unreadable);
        var submitted = Assert.IsType<ReportSubmitted>(message);
        Assert.Equal((null, false), (submitted.Language, submitted.NotifyByEmail));

        var report = Report.FromSubmission(submitted, DateTimeOffset.UnixEpoch);
        Assert.Equal(("en", false), (report.Language, report.NotifyByEmail));
    }

    [Fact]
    public void A_submission_asking_for_mails_keeps_them_only_with_a_contact()
    {
        var submitted = new ReportSubmitted(Guid.NewGuid(), DateTimeOffset.UnixEpoch, new ModelReference("hub", "m"), "privacy", null, "t", "d", [],
            "CfDJ8-contact", true, Language: "ar", NotifyByEmail: true);

        Assert.Equal(("ar", true), (Report.FromSubmission(submitted, DateTimeOffset.UnixEpoch).Language, Report.FromSubmission(submitted, DateTimeOffset.UnixEpoch).NotifyByEmail));
        Assert.False(Report.FromSubmission(submitted with { ProtectedContact = null }, DateTimeOffset.UnixEpoch).NotifyByEmail);
        Assert.Equal("en", Report.FromSubmission(submitted with { Language = "tlh" }, DateTimeOffset.UnixEpoch).Language);
    }
}
