using static SafetyReports.IntegrationTests.Authorization.MatrixRow;

namespace SafetyReports.IntegrationTests.Authorization;

/// <summary>
/// Every endpoint of a Standalone system × every <see cref="Caller"/> → the expected answer.
/// Requests never change state: unknown ids ({none}), empty or invalid bodies, or reads. Where an
/// authorised caller gets 400/404 it is because of that input, after authorization let it through;
/// host A and host B differ on hub-a's host, subscription and deliveries, which the fixture creates.
/// </summary>
public static class AuthorizationMatrix
{
    private const string Reply = """{"message":"An answer from the matrix."}""";
    private const string Contest = """{"reason":"A contest from the matrix."}""";

    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        // Intake: the public site and API (anonymous by design).
        Public("GET", "/", 200),
        // Form posts without an antiforgery token: the page again with its error, nothing stored (tests in HostileInput and Browser).
        Public("POST", "/", 200),
        Public("GET", "/status", 200),
        Public("POST", "/status", 200),
        Public("POST", "/status?handler=contest", 200),
        Public("GET", "/about", 200),
        // The links in a reporter's mail: the signed token is the credential, so a forged one opens nothing.
        Public("GET", "/status?link=forged", 200),
        Public("GET", "/unsubscribe", 404),
        Public("GET", "/unsubscribe?t=forged", 404),
        Public("POST", "/unsubscribe?t=forged", 404),
        Public("GET", "/assets/intake/intake.css", 200),
        Public("POST", "/api/v1/reports", 400, "{}"),
        Reporter("GET", "/api/v1/reports/{report}/status", 200),
        Reporter("POST", "/api/v1/reports/{report}/messages", 409, Reply),
        // The matrix's report has no host response: there is nothing to contest.
        Reporter("POST", "/api/v1/reports/{report}/contest", 409, Contest),
        // The matrix's report was sent without contact: erasing it changes nothing.
        Reporter("POST", "/api/v1/reports/{report}/erase-contact", 202),
        Public("GET", "/api/v1/challenge", 200),
        Public("GET", "/api/v1/taxonomy", 200),
        // Where Triage pulls evidence files during the hand-over: Triage's own client only (EvidenceHandoverTests holds the 200 and the 404).
        EvidenceReader("GET", "/internal/v1/evidence/{report}/{none}"),
        // Where Notification reads a file shared with a host: Notification's own client only (HostEvidenceFileTests holds the 200 and the 404s).
        EvidenceReader("GET", "/internal/v1/shared-evidence/{report}/{none}"),
        // The public transparency page (figures read from Triage's API); without a host the models page and downloads are a 400.
        Public("GET", "/transparency", 200),
        Public("GET", "/transparency?from=2026-13", 400),
        Public("GET", "/transparency/models", 400),
        Public("GET", "/transparency/models?host=hub-a", 200),
        Public("GET", "/transparency/hosts.json", 200),
        Public("GET", "/transparency/hosts.csv", 200),
        Public("GET", "/transparency/errata.csv", 200),
        Public("GET", "/transparency/models.json", 400),
        Public("GET", "/transparency/models.csv?host=hub-a", 200),
        Public("GET", "/transparency/models.json?host=hub-a", 200),
        Public("GET", "/transparency/models.csv", 400),
        // The public advisory pages (read from Triage's advisory API): the list, and an advisory none was published under.
        Public("GET", "/advisories", 200),
        Public("GET", "/advisories/SR-1999-9999", 404),
        Public("GET", "/advisories/{none}", 404),

        // Every service's own endpoints.
        Public("GET", "/health/live", 200),
        Public("GET", "/health/ready", 200),
        Public("GET", "/openapi/v1.json", 200),

        // Transparency figures (anonymous by design; a missing host is a 400 for everyone).
        Public("GET", "/api/v1/transparency/hosts", 200),
        Public("GET", "/api/v1/transparency/models", 400),
        Public("GET", "/api/v1/transparency/disclosures", 200),
        Public("GET", "/api/v1/transparency/errata", 200),
        // The transparency log over the audit chain: anonymous reads; a proof for a size beyond the log is a 400.
        Public("GET", "/api/v1/transparency/log/checkpoint", 200),
        Public("GET", "/api/v1/transparency/log/key", 200),
        Public("GET", "/api/v1/transparency/log/proof/inclusion?index=0&size=1", 200),
        Public("GET", "/api/v1/transparency/log/proof/inclusion?index=0&size=999999999", 400),
        Public("GET", "/api/v1/transparency/log/proof/consistency?first=1&second=1", 200),
        Public("GET", "/api/v1/transparency/log/leaves?start=0&end=1", 200),
        // Advisories: the list and change feed, and one advisory (none is published in the matrix: 404; a bad format is a 400 first).
        Public("GET", "/api/v1/advisories", 200),
        Public("GET", "/api/v1/advisories?since=2026-01-01T00:00:00Z", 200),
        Public("GET", "/api/v1/advisories/SR-1999-9999", 404),
        Public("GET", "/api/v1/advisories/SR-1999-9999?format=pdf", 400),
        Public("GET", "/api/v1/advisories/{none}", 404),
        Public("GET", "/api/v1/advisories/{none}?format=avid", 404),

        // Triage (scope triage).
        TriageApi("GET", "/api/v1/triage/reports", 200, null),
        TriageApi("GET", "/api/v1/triage/reports/counts", 200, null),
        TriageApi("GET", "/api/v1/triage/reports/{report}", 200, null),
        TriageApi("GET", "/api/v1/triage/reports/{none}", 404, null),
        // The matrix's report has no files: any file id is unknown on it (EvidenceHandoverTests downloads real ones).
        TriageApi("GET", "/api/v1/triage/reports/{report}/files/{none}", 404, null),
        TriageApi("GET", "/api/v1/triage/reports/{none}/files/{none}", 404, null),
        TriageApi("PUT", "/api/v1/triage/reports/{report}/files/{none}/sharing", 404),
        TriageApi("PUT", "/api/v1/triage/reports/{none}/files/{none}/sharing", 404),
        TriageApi("POST", "/api/v1/triage/reports/{none}/transitions", 404),
        TriageApi("POST", "/api/v1/triage/reports/{none}/notes", 400),
        TriageApi("POST", "/api/v1/triage/reports/{none}/assignment", 404),
        TriageApi("POST", "/api/v1/triage/reports/{none}/classification", 404),
        // The host loop: the notice, contests (both ids unknown) and the thread (text checked first, as a note's is).
        TriageApi("GET", "/api/v1/triage/reports?contested=true", 200, null),
        TriageApi("GET", "/api/v1/triage/reports/counts?contested=true", 200, null),
        TriageApi("PUT", "/api/v1/triage/reports/{none}/notice", 404),
        TriageApi("POST", "/api/v1/triage/reports/{none}/contests/{none}/forward", 404),
        TriageApi("POST", "/api/v1/triage/reports/{none}/contests/{none}/close", 404),
        TriageApi("POST", "/api/v1/triage/reports/{none}/host-messages", 400),
        TriageApi("POST", "/api/v1/triage/reports/bulk-reject", 400),
        // Advisories (AdvisoryTests publishes real ones): the matrix's report is open and has none; an unknown report is a 404.
        TriageApi("GET", "/api/v1/triage/reports/{report}/advisory", 404, null),
        TriageApi("GET", "/api/v1/triage/reports/{none}/advisory", 404, null),
        TriageApi("POST", "/api/v1/triage/reports/{report}/advisory/preview", 409),
        TriageApi("POST", "/api/v1/triage/reports/{none}/advisory/preview", 404),
        TriageApi("PUT", "/api/v1/triage/reports/{none}/advisory", 404),
        TriageApi("POST", "/api/v1/triage/reports/{none}/advisory/withdraw", 404),
        // Model identity on a report: its digests (the whole list) and sending it to the host of a re-upload.
        TriageApi("PUT", "/api/v1/triage/reports/{none}/model/digests", 404),
        TriageApi("POST", "/api/v1/triage/reports/{none}/hosts", 404),
        // Near-duplicates: the matrix's report has none (a cluster of one); merging an unknown report's cluster is a 404.
        TriageApi("GET", "/api/v1/triage/reports/{report}/similar", 200, null),
        TriageApi("GET", "/api/v1/triage/reports/{none}/similar", 404, null),
        TriageApi("POST", "/api/v1/triage/reports/{none}/cluster/merge", 404),
        TriageApi("POST", "/api/v1/triage/reports/{none}/cluster/confirm", 404),
        TriageApi("GET", "/api/v1/triage/reports/{report}/audit", 200, null),
        TriageAdmin("GET", "/api/v1/triage/reports/{report}/export", 200, null),
        TriageAdmin("POST", "/api/v1/triage/reports/{none}/redactions", 404),
        TriageApi("GET", "/api/v1/triage/audit/verify", 200, null),
        // The whole chain (every note and reporter message): admins only, and each export is an audit entry.
        TriageAdmin("GET", "/api/v1/triage/audit/export", 200, null),
        // The maintainers' figures, nothing withheld (a missing host is a 400 once authorised).
        TriageApi("GET", "/api/v1/triage/accountability/hosts", 200, null),
        // The caller's own notification choices (keyed by the token's subject); an empty body is a 400 that saves nothing.
        TriageApi("GET", "/api/v1/triage/me/notifications", 200, null),
        TriageApi("PUT", "/api/v1/triage/me/notifications", 400),
        TriageApi("GET", "/api/v1/triage/accountability/models", 400, null),

        // Notification: hosts, subscriptions, deliveries, notices.
        NotificationsAdmin("POST", "/api/v1/hosts", 400),
        NotificationsAdmin("GET", "/api/v1/hosts", 200, null),
        NotificationsAdmin("GET", "/api/v1/notices", 200, null),
        AdminOrHost("GET", "/api/v1/hosts/hub-a", 200, 200, 404, null),
        AdminOrHost("POST", "/api/v1/hosts/hub-a/subscriptions", 400, 400, 404),
        AdminOrHost("GET", "/api/v1/hosts/hub-a/subscriptions", 200, 200, 404, null),
        AdminOrHost("GET", "/api/v1/subscriptions/{subscription}", 200, 200, 404, null),
        AdminOrHost("PATCH", "/api/v1/subscriptions/{subscription}", 200, 200, 404),
        AdminOrHost("POST", "/api/v1/subscriptions/{none}/enable", 404, 404, 404),
        AdminOrHost("POST", "/api/v1/subscriptions/{none}/disable", 404, 404, 404),
        AdminOrHost("POST", "/api/v1/subscriptions/{none}/rotate-secret", 404, 404, 404),
        AdminOrHost("POST", "/api/v1/subscriptions/{none}/test", 404, 404, 404),
        AdminOrHost("POST", "/api/v1/subscriptions/{none}/recover", 404, 404, 404),
        AdminOrHost("GET", "/api/v1/hosts/hub-a/deliveries", 200, 200, 404, null),
        AdminOrHost("GET", "/api/v1/deliveries/{none}", 404, 404, 404, null),
        AdminOrHost("POST", "/api/v1/deliveries/{none}/replay", 404, 404, 404),
        // Model identity for the maintainers (scope triage): a model's manifest and aliases; an empty link is a 400, an unlinked model's unlink a 404.
        TriageApi("GET", "/api/v1/hosts/hub-a/models/{none}", 200, null),
        TriageApi("GET", "/api/v1/hosts/{none}/models/{none}", 404, null),
        TriageApi("POST", "/api/v1/hosts/hub-a/models/{none}/aliases", 400),
        TriageApi("DELETE", "/api/v1/hosts/hub-a/models/{none}/aliases", 404, null),

        // The host API (scope host): a report the host was not told about is a 404, as an unknown one.
        HostApi("GET", "/api/v1/host/reports", 200, 200, null),
        HostApi("GET", "/api/v1/host/reports/{report}", 404, 404, null),
        HostApi("POST", "/api/v1/host/reports/{report}/acknowledge", 404, 404),
        HostApi("POST", "/api/v1/host/reports/{report}/response", 404, 404),
        HostApi("GET", "/api/v1/host/reports/{report}/messages", 404, 404, null),
        // The matrix's report shares no file (HostEvidenceFileTests downloads a shared one).
        HostApi("GET", "/api/v1/host/reports/{report}/files/{none}", 404, 404, null),
        // A valid message: only the report's not being this host's refuses it.
        HostApi("POST", "/api/v1/host/reports/{report}/messages", 404, 404, """{"text":"A message from the matrix."}"""),
        // Manifests: an empty body is a 400 for a known host (hub-b is none), and no manifest was published.
        HostApi("PUT", "/api/v1/host/models/{none}/files", 400, 404),
        HostApi("GET", "/api/v1/host/models/{none}/files", 404, 404, null),

        // Identity's admin API (scope identity:admin).
        IdentityAdmin("GET", "/api/v1/identity/users", 200, null),
        IdentityAdmin("POST", "/api/v1/identity/users", 400),
        IdentityAdmin("PUT", "/api/v1/identity/users/{none}/roles", 400),
        IdentityAdmin("POST", "/api/v1/identity/users/{none}/lock", 404),
        IdentityAdmin("POST", "/api/v1/identity/users/{none}/unlock", 404),
        IdentityAdmin("GET", "/api/v1/identity/clients", 200, null),
        IdentityAdmin("POST", "/api/v1/identity/clients", 400),
        IdentityAdmin("DELETE", "/api/v1/identity/clients/{none}", 404, null),

        // The portal (a cookie session from signing in; bearer tokens open nothing here). Host users get the Forbidden page
        // on the maintainers' pages, and the maintainers on the host inbox's.
        PortalPage("GET", "/portal", 200, 200, Outcome.HostInbox),
        PortalPage("GET", "/portal/reports/{report}", 200, 200),
        // The advisory page of the matrix's (open) report: shown, with nothing published yet; its posts are antiforgery-checked like every portal form.
        PortalPage("GET", "/portal/reports/{report}/advisory", 200, 200),
        PortalPage("POST", "/portal/reports/{report}/advisory?handler=preview", 400, 400),
        PortalPage("POST", "/portal/reports/{report}/advisory?handler=publish", 400, 400),
        PortalPage("POST", "/portal/reports/{report}/advisory?handler=withdraw", 400, 400),
        // An evidence file through the report page (the matrix's report has none: any id is unknown; PortalEvidenceFileTests downloads real ones).
        PortalPage("GET", "/portal/reports/{report}?handler=file&fileId={none}", 404, 404),
        // Removing a file: a post without the antiforgery token is refused before anything (PortalEvidenceFileTests removes one).
        PortalPage("POST", "/portal/reports/{report}?handler=RedactFile", 400, 400),
        // The model's digests and sending a report to a re-upload's host: refused without the token too.
        PortalPage("POST", "/portal/reports/{report}?handler=Digests", 400, 400),
        PortalPage("POST", "/portal/reports/{report}?handler=ShareWithHost", 400, 400),
        PortalPage("GET", "/portal/dashboard", 200, 200),
        PortalPage("GET", "/portal/notifications", 200, 200),
        PortalPage("GET", "/portal/admin/users", Outcome.Forbidden, 200),
        PortalPage("GET", "/portal/admin/clients", Outcome.Forbidden, 200),
        PortalPage("GET", "/portal/admin/hosts", Outcome.Forbidden, 200),
        PortalPage("GET", "/portal/admin/hosts/hub-a", Outcome.Forbidden, 200),
        PortalPage("GET", "/portal/admin/hosts/hub-a/deliveries", Outcome.Forbidden, 200),
        PortalPage("GET", "/portal/admin/notices", Outcome.Forbidden, 200),
        // The provider's front-channel sign-out needs the session's sid (Identity sends none): a bare link signs no one out.
        Public("GET", "/portal/signout-oidc", 400),
        PortalPage("GET", "/portal/signout", 200, 200, 200),
        PortalPage("POST", "/portal/signout", 400, 400, 400),
        // The host inbox: the matrix's report is about hub-c, so to either host it does not exist; hub-b is no host Notification knows.
        HostPage("GET", "/portal/host", 200, 200),
        HostPage("GET", "/portal/host/reports/{report}", 404, 404),
        HostPage("GET", "/portal/host/reports/{none}", 404, 404),
        HostPage("GET", "/portal/host/subscriptions", 200, 404),
        HostPage("GET", "/portal/host/deliveries", 200, 404),
        // A form post without its antiforgery token is refused before anything else.
        HostPage("POST", "/portal/host/reports/{report}?handler=Acknowledge", 400, 400),
        HostPage("POST", "/portal/host/subscriptions?handler=Test&subscriptionId={subscription}", 400, 400),
        Public("GET", "/portal/signin", Outcome.SignIn),
        Public("GET", "/portal/signed-out", 200),
        Public("GET", "/portal/forbidden", 403),
        Public("GET", "/assets/portal/portal.css", 200),

        // Identity's pages and OAuth endpoints (last: a sign-out request may end the Identity session).
        Public("GET", "/assets/identity/identity.css", 200),
        Public("GET", "/account/login", 200),
        Public("POST", "/account/login", 200),
        Public("POST", "/connect/token", 400),
        Public("GET", "/connect/authorize", 400),
        Public("POST", "/connect/authorize", 400),
        Public("GET", "/account/logout", 200),
        Public("POST", "/account/logout", 400),
        // Without an id_token_hint for the signed-in user: a redirect to the page that asks, nobody signed out.
        Public("GET", "/connect/logout", 302),
        Public("POST", "/connect/logout", 400),
    ];
}
