using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.Triage.Domain;

/// <summary>A maintainer's request to give a report to someone (or to nobody, with a null assignee).</summary>
public sealed record AssignmentRequest(string? Assignee, long? ExpectedVersion);

/// <summary>Assigning a report: checked, held to the version the maintainer saw, recorded as <c>assignment</c>.</summary>
public static class ReportAssignment
{
    public const string Action = "assignment";
    public const int MaxAssigneeLength = 254;

    public static WorkflowOutcome Apply(Report report, AssignmentRequest request, string actor, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var assignee = request.Assignee?.Trim();
        if (assignee is not null && (assignee.Length is 0 or > MaxAssigneeLength || TextRules.HasForbiddenCharacters(assignee, multiline: false)))
        {
            errors["assignee"] = [$"A name of 1 to {MaxAssigneeLength} characters on one line, or null to unassign."];
        }

        if (ExpectedVersion.Check(report, request.ExpectedVersion, errors) is { } refused)
        {
            return refused;
        }

        var updated = report with { Assignee = assignee, Version = report.Version + 1, UpdatedAt = now };
        var data = JsonSerializer.Serialize(new { from = report.Assignee, to = assignee, version = updated.Version });
        return new WorkflowOutcome(WorkflowOutcomeKind.Applied, updated, new AuditDraft(report.Id, now, actor, Action, data));
    }
}
