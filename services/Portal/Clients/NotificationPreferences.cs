namespace SafetyReports.Portal.Clients;

/// <summary>A maintainer's notification choices as Triage's <c>/api/v1/triage/me/notifications</c> reads and writes them.</summary>
/// <param name="AssignedAs">Read only: the name reports are assigned to the maintainer under (Triage takes it from the token).</param>
public sealed record NotificationPreferences(
    string? Email,
    string? NewReportSeverity,
    bool SlaBreach,
    bool ReporterAnswered,
    bool HostResponded,
    bool Contested,
    string Delivery,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? AssignedAs = null)
{
    public const string Immediate = "Immediate";
    public const string DailyDigest = "DailyDigest";
}
