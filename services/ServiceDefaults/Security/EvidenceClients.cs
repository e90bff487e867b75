namespace SafetyReports.ServiceDefaults.Security;

/// <summary>
/// The services' own clients for evidence files and the one scope each holds: Triage's pulls files from Intake
/// (<see cref="Scopes.EvidenceRead"/>), Notification's reads a shared one from Triage (<see cref="Scopes.EvidenceShared"/>).
/// Identity lets no other client hold either scope.
/// </summary>
public static class EvidenceClients
{
    public const string TriageDefault = "triage-evidence";

    public const string NotificationDefault = "notification-evidence";
}
