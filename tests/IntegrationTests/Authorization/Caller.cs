namespace SafetyReports.IntegrationTests.Authorization;

/// <summary>Who sends a request in the authorization matrix.</summary>
public enum Caller
{
    /// <summary>No credentials at all.</summary>
    Anonymous,

    /// <summary>A reporter with the status token of a real report (header X-Report-Token), nothing else.</summary>
    ReportTokenHolder,

    /// <summary>Triage API client (scope triage) and a signed-in portal user with the triager role.</summary>
    Triager,

    /// <summary>Admin API client (triage, notifications:admin, identity:admin) and the signed-in first admin.</summary>
    Admin,

    /// <summary>Model host hub-a's client (scope host, bound to hub-a) and a signed-in portal user with the host role for hub-a.</summary>
    HostA,

    /// <summary>Model host hub-b's client (scope host, bound to hub-b) and a signed-in portal user with the host role for hub-b (a host Notification does not know).</summary>
    HostB,

    /// <summary>A token the real Identity signed for a client with every scope, used after it expired.</summary>
    ExpiredToken,

    /// <summary>A token with every scope from a second Identity instance: another issuer and other keys.</summary>
    OtherIssuer,
}
