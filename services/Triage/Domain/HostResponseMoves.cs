namespace SafetyReports.Triage.Domain;

/// <summary>
/// What Triage records when a host responds: the statement on the report and an audit entry,
/// <c>host_responded</c> for the first and <c>host_response_updated</c> for each later revision. A repeated
/// message, or one older than the revision recorded, changes nothing. The status does not move: what the
/// host did informs the maintainers' decision, it does not take it.
/// </summary>
public static class HostResponseMoves
{
    public const string Responded = "host_responded";
    public const string Updated = "host_response_updated";

    public static (Report Report, AuditDraft Audit)? Record(Report report, HostResponded responded, DateTimeOffset now)
    {
        if (report.HostResponse is { } recorded && recorded.Revision >= responded.Revision)
        {
            return null;
        }

        var statement = new HostStatement(responded.Revision, responded.Action, responded.Scope, responded.Until, responded.Grounds,
            responded.Automated, responded.Note, responded.RespondedAt, responded.DecisionGround, responded.LegalGround, responded.TermsReference,
            responded.TerritorialScope, responded.AutomatedDetection, responded.AutomatedDecision, responded.Redress);
        var updated = report with
        {
            Version = report.Version + 1,
            UpdatedAt = now,
            HostResponse = statement,
            RespondedAt = report.RespondedAt ?? responded.RespondedAt,
        };
        var data = JsonSerializer.Serialize(new
        {
            hostId = responded.HostId,
            revision = responded.Revision,
            action = responded.Action,
            scope = responded.Scope,
            until = responded.Until,
            grounds = responded.Grounds,
            automated = responded.Automated,
            note = responded.Note,
            respondedAt = responded.RespondedAt,
            decisionGround = responded.DecisionGround,
            legalGround = responded.LegalGround,
            termsReference = responded.TermsReference,
            territorialScope = responded.TerritorialScope,
            automatedDetection = responded.AutomatedDetection,
            automatedDecision = responded.AutomatedDecision,
            redress = responded.Redress,
        });
        return (updated, new AuditDraft(report.Id, now, $"host:{responded.HostId}", report.HostResponse is null ? Responded : Updated, data));
    }
}
