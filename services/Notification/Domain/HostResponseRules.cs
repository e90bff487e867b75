namespace SafetyReports.Notification.Domain;

/// <param name="Changed">False when the host sent the response it had already given: nothing is recorded again.</param>
/// <param name="Acknowledged">Set when this response is also the host's first sign of having read the report.</param>
public sealed record ResponseDecision(bool Changed, ReportRoute Route, HostResponded? Responded, HostAcknowledged? Acknowledged);

/// <summary>
/// How a host's statement of reasons is recorded: a re-sent identical response changes nothing; a
/// different one is a new revision that supersedes the last (the first response time is kept). Responding
/// acknowledges a report not yet acknowledged: a host cannot answer a report it has not read.
/// </summary>
public static class HostResponseRules
{
    public static ResponseDecision Apply(ReportRoute route, HostResponse response, DateTimeOffset now)
    {
        if (route.Response == response)
        {
            return new ResponseDecision(false, route, null, null);
        }

        var revision = route.ResponseRevision + 1;
        var updated = route with
        {
            Response = response,
            RespondedAt = route.RespondedAt ?? now,
            ResponseRevision = revision,
            ResponseUpdatedAt = now,
            AcknowledgedAt = route.AcknowledgedAt ?? now,
        };
        var responded = new HostResponded(route.ReportId, route.HostId, revision, response.Action, response.Scope, response.Until,
            response.Grounds, response.Automated, response.Note, now, response.DecisionGround, response.LegalGround, response.TermsReference,
            response.TerritorialScope, response.AutomatedDetection, response.AutomatedDecision, response.Redress, route.Via != RouteVia.Report);
        var acknowledged = route.AcknowledgedAt is null ? new HostAcknowledged(route.ReportId, route.HostId, null, now) : null;
        return new ResponseDecision(true, updated, responded, acknowledged);
    }
}
