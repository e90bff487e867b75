namespace SafetyReports.Portal.Clients;

/// <summary>A maintainer's notification choices as Triage's <c>/api/v1/triage/me/notifications</c> reads and writes them.</summary>
public sealed record NotificationPreferences(
    string? Email,
    string? NewReportSeverity,
    bool SlaBreach,
    bool ReporterAnswered,
    bool HostResponded,
    bool Contested,
    string Delivery)
{
    public const string Immediate = "Immediate";
    public const string DailyDigest = "DailyDigest";
}
