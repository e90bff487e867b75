namespace SafetyReports.Triage.Domain;

/// <summary>
/// The maintainers' edit of a report's model digests (<c>PUT /api/v1/triage/reports/{id}/model/digests</c>): the whole list,
/// checked as intake checks it (<see cref="FileDigests"/>), so one edit adds and removes. The audit entry
/// (<c>model_digests_changed</c>) names the digests added and removed; a triaged report's hosts are looked for again
/// (<see cref="ReportModelChanged"/>), so copies found by a new digest are told of it.
/// </summary>
public static class ReportModelDigests
{
    public const string ChangedAction = "model_digests_changed";

    public static WorkflowOutcome Edit(Report report, ModelDigestsRequest request, string actor, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.FileDigests is null)
        {
            errors["fileDigests"] = ["Required: the whole list of digests ([] removes them all)."];
        }

        var check = FileDigests.Check(request.FileDigests, "fileDigests");
        foreach (var (field, problems) in check.Errors)
        {
            errors[field] = problems;
        }

        if (ExpectedVersion.Check(report, request.ExpectedVersion, errors) is { } refused)
        {
            return refused;
        }

        var before = report.Model.Digests();
        if (before.SequenceEqual(check.Digests))
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.Unchanged, report);
        }

        var model = report.Model with { FileDigests = check.Digests.Count == 0 ? null : check.Digests };
        var updated = report with { Model = model, Version = report.Version + 1, UpdatedAt = now };
        var data = JsonSerializer.Serialize(new
        {
            added = check.Digests.Except(before).ToList(),
            removed = before.Except(check.Digests).ToList(),
            version = updated.Version,
        });
        return new WorkflowOutcome(WorkflowOutcomeKind.Applied, updated, new AuditDraft(report.Id, now, actor, ChangedAction, data),
            Messages: report.TriagedAt is null ? null : [new ReportModelChanged(report.Id, updated.Version, model, now)]);
    }
}

/// <summary>The body of <c>PUT /api/v1/triage/reports/{id}/model/digests</c>.</summary>
public sealed record ModelDigestsRequest(List<string?>? FileDigests, long? ExpectedVersion);
