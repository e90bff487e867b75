namespace SafetyReports.Triage.Domain;

/// <summary>Rejecting many reports at once (spam waves): each at its current version, with one internal note.</summary>
public sealed record BulkRejectRequest(IReadOnlyList<Guid>? Ids, string? Note);

public sealed record BulkRejectResult(Guid Id, string Outcome);

public static class BulkRejection
{
    public const int MaxIds = 200;
    public const string Rejected = "rejected";
    public const string Conflict = "conflict";
    public const string NotFound = "not_found";

    public static Dictionary<string, string[]> Validate(BulkRejectRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Ids is not { Count: > 0 and <= MaxIds })
        {
            errors["ids"] = [$"Between 1 and {MaxIds} report ids."];
        }

        if (InternalNote.Validate(request.Note) is { } problem)
        {
            errors["note"] = [problem];
        }

        return errors;
    }

    /// <summary>The transition for one report: to <c>rejected</c> at the version it is at now.</summary>
    public static TransitionRequest Transition(Report report, string note) =>
        new(ReportStatuses.Rejected, null, null, null, note, null, report.Version);

    /// <summary>
    /// Anything but an applied rejection of an existing report is a conflict: the status does not allow
    /// <c>rejected</c>, or the report changed while the rejection was saved.
    /// </summary>
    public static string OutcomeOf(WorkflowOutcomeKind kind) => kind switch
    {
        WorkflowOutcomeKind.Applied => Rejected,
        WorkflowOutcomeKind.NotFound => NotFound,
        _ => Conflict,
    };
}
