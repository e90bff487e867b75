namespace SafetyReports.Triage.Domain;

/// <summary>A maintainer's correction of a report's severity and/or category, without a status move.</summary>
public sealed record ClassificationRequest(string? Severity, string? Category, long? ExpectedVersion);

/// <summary>Reclassifying a report: known values only, at least one of them, recorded as <c>classification</c>.</summary>
public static class ReportClassification
{
    public const string Action = "classification";

    public static WorkflowOutcome Apply(Report report, ClassificationRequest request, string actor, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Severity is null && request.Category is null)
        {
            errors["severity"] = ["Give a severity, a category or both."];
        }

        if (request.Severity is not null && !Severities.IsKnown(request.Severity))
        {
            errors["severity"] = [$"Unknown severity. Known: {string.Join(", ", Severities.All)}."];
        }

        if (request.Category is not null && !HazardTaxonomy.IsKnown(request.Category))
        {
            errors["category"] = ["Unknown category; see GET /api/v1/taxonomy."];
        }

        if (ExpectedVersion.Check(report, request.ExpectedVersion, errors) is { } refused)
        {
            return refused;
        }

        var updated = report with
        {
            Severity = request.Severity ?? report.Severity,
            Category = request.Category ?? report.Category,
            Version = report.Version + 1,
            UpdatedAt = now,
        };
        var data = JsonSerializer.Serialize(new
        {
            severity = new { from = report.Severity, to = updated.Severity },
            category = new { from = report.Category, to = updated.Category },
            version = updated.Version,
        });
        return new WorkflowOutcome(WorkflowOutcomeKind.Applied, updated, new AuditDraft(report.Id, now, actor, Action, data));
    }
}
