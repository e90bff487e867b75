namespace SafetyReports.ServiceDefaults.Security;

/// <summary>OAuth scopes of the public contract; each is also the name of the policy that requires it.</summary>
public static class Scopes
{
    public const string Triage = "triage";
    public const string NotificationsAdmin = "notifications:admin";
    public const string Host = "host";

    /// <summary>Managing users and API clients in Identity; granted to users with the admin role.</summary>
    public const string IdentityAdmin = "identity:admin";

    /// <summary>Reading the evidence files Intake holds until Triage has them: granted to Triage's own client only (docs/intake.md).</summary>
    public const string EvidenceRead = "evidence:read";

    /// <summary>
    /// Reading, from Triage, the evidence files maintainers shared with a report's host, for the host API to hand over: granted
    /// to Notification's own client only (docs/webhooks.md).
    /// </summary>
    public const string EvidenceShared = "evidence:shared";

    public static readonly IReadOnlyList<string> All = [Triage, NotificationsAdmin, Host, IdentityAdmin, EvidenceRead, EvidenceShared];

    /// <summary>The claim that binds a host's client to one model host.</summary>
    public const string HostIdClaim = "host_id";
}
