using SafetyReports.Triage.Domain;

namespace SafetyReports.UnitTests.Triage;

public class NotificationPreferencesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static NotificationPreferencesRequest Request(
        string? email = "ana@example.org", string? severity = "high", bool reporterAnswered = false, string? delivery = "Immediate") =>
        new(email, severity, false, reporterAnswered, false, false, delivery);

    [Fact]
    public void A_valid_request_becomes_the_maintainers_choices()
    {
        var (preferences, errors) = Request(email: " ana@example.org ", severity: "HIGH", delivery: "dailydigest").Validate("sub-1", "ana@example.org", Now);

        Assert.Empty(errors);
        Assert.Equal(
            new MaintainerNotifications("sub-1", "ana@example.org", "high", false, false, false, false, NotificationDelivery.DailyDigest, Now, "ana@example.org"),
            preferences);
        Assert.True(preferences!.WantsAny);
    }

    [Theory]
    [InlineData("not-an-address", "high", "Immediate", "email")]
    [InlineData("ana@example.org", "severe", "Immediate", "newReportSeverity")]
    [InlineData("ana@example.org", "high", "Weekly", "delivery")]
    [InlineData("ana@example.org", "high", "1", "delivery")]
    [InlineData("ana@example.org", "high", null, "delivery")]
    [InlineData(null, "high", "Immediate", "email")]
    public void A_bad_field_is_named_and_nothing_is_returned_to_save(string? email, string? severity, string? delivery, string field)
    {
        var (preferences, errors) = Request(email, severity, delivery: delivery).Validate("sub-1", "ana@example.org", Now);

        Assert.Null(preferences);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Everything_off_needs_no_address_and_mails_nothing()
    {
        var (preferences, errors) = Request(email: "", severity: "").Validate("sub-1", "ana@example.org", Now);

        Assert.Empty(errors);
        Assert.Null(preferences!.Email);
        Assert.Null(preferences.NewReportSeverity);
        Assert.False(preferences.WantsAny);
    }
}
