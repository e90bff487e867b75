using static SafetyReports.Contracts.ReportStatuses;

namespace SafetyReports.Triage.Domain;

public enum WorkflowOutcomeKind
{
    Applied,
    Invalid,
    Conflict,
    NotFound,

    /// <summary>The edit asks for what is already there: nothing is written, the report is answered as it is.</summary>
    Unchanged,
}

/// <param name="Messages">Further events of an applied edit, written to the outbox with it (before <paramref name="Event"/>).</param>
public sealed record WorkflowOutcome(
    WorkflowOutcomeKind Kind,
    Report? Report = null,
    AuditDraft? Audit = null,
    ReportStatusChanged? Event = null,
    IDictionary<string, string[]>? Errors = null,
    string? Detail = null,
    IReadOnlyList<object>? Messages = null);

/// <summary>The report workflow: which status may follow which, who may make the move, and what it records.</summary>
public static class ReportWorkflow
{
    public const int MaxNoteLength = 20_000;

    private static readonly Dictionary<(string From, string To), ActorKind[]> Transitions = new()
    {
        [(Received, Triaging)] = [ActorKind.Maintainer],
        [(Received, NeedsInfo)] = [ActorKind.Maintainer],
        [(Received, Triaged)] = [ActorKind.Maintainer],
        [(Received, Rejected)] = [ActorKind.Maintainer],
        [(Received, Duplicate)] = [ActorKind.Maintainer],
        [(Triaging, NeedsInfo)] = [ActorKind.Maintainer],
        [(Triaging, Triaged)] = [ActorKind.Maintainer],
        [(Triaging, Rejected)] = [ActorKind.Maintainer],
        [(Triaging, Duplicate)] = [ActorKind.Maintainer],
        [(NeedsInfo, Triaging)] = [ActorKind.Maintainer, ActorKind.Reporter],
        [(NeedsInfo, Triaged)] = [ActorKind.Maintainer],
        [(NeedsInfo, Rejected)] = [ActorKind.Maintainer],
        [(NeedsInfo, Duplicate)] = [ActorKind.Maintainer],
        [(Triaged, Triaging)] = [ActorKind.Maintainer],
        [(Triaged, HostNotified)] = [ActorKind.System],
        [(Triaged, Acknowledged)] = [ActorKind.System],
        [(Triaged, Resolved)] = [ActorKind.Maintainer],
        [(Triaged, Rejected)] = [ActorKind.Maintainer],
        [(HostNotified, Acknowledged)] = [ActorKind.System],
        [(HostNotified, Resolved)] = [ActorKind.Maintainer],
        [(Acknowledged, Resolved)] = [ActorKind.Maintainer],
        [(Resolved, Triaging)] = [ActorKind.Maintainer],
        [(Rejected, Triaging)] = [ActorKind.Maintainer],
        [(Duplicate, Triaging)] = [ActorKind.Maintainer],
    };

    public static bool IsAllowed(string from, string to, ActorKind actor) =>
        Transitions.TryGetValue((from, to), out var actors) && actors.Contains(actor);

    public static IEnumerable<string> NextStatuses(string from, ActorKind actor) =>
        Transitions.Where(t => t.Key.From == from && t.Value.Contains(actor)).Select(t => t.Key.To);

    /// <summary>
    /// A maintainer's transition: validated, checked against the version they saw, then applied. A move to triaged
    /// sets the report's notice (its choice, or the one it had, or everything) and shares it when that is new.
    /// </summary>
    public static WorkflowOutcome Apply(Report report, TransitionRequest request, string actor, DateTimeOffset now)
    {
        var errors = Validate(report, request);
        var choice = NoticeChoiceOf(report, request, errors);
        if (errors.Count > 0)
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.Invalid, Errors: errors);
        }

        if (request.ExpectedVersion != report.Version)
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.Conflict,
                Detail: $"The report changed since version {request.ExpectedVersion}; it is now at version {report.Version}. Reload it and try again.");
        }

        var to = request.To!;
        if (!IsAllowed(report.Status, to, ActorKind.Maintainer))
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.Conflict,
                Detail: $"A report in status '{report.Status}' cannot move to '{to}'.");
        }

        var severity = request.Severity ?? report.Severity;
        var (notice, shared) = to == Triaged ? ReportNotices.Choose(report.Notice, choice, now) : (report.Notice, false);
        var updated = report with
        {
            Status = to,
            Version = report.Version + 1,
            Severity = severity,
            Category = request.Category ?? report.Category,
            DuplicateOf = to == Duplicate ? request.DuplicateOf : report.DuplicateOf,
            UpdatedAt = now,
            TriagedAt = to == Triaged ? report.TriagedAt ?? now : report.TriagedAt,
            ClosedAt = ContactRetention.ClosedAt(report, to, now),
            Notes = Append(report.Notes, request.Note, actor, now),
            PublicNotes = Append(report.PublicNotes, request.PublicNote, actor, now),
            Notice = notice,
        };

        var data = JsonSerializer.Serialize(new
        {
            from = report.Status,
            to,
            version = updated.Version,
            severity = request.Severity,
            category = request.Category,
            duplicateOf = request.DuplicateOf,
            note = request.Note,
            publicNote = request.PublicNote,
            notice = to == Triaged ? ReportNotices.AuditData(report.Notice, notice!) : null,
        });
        return new WorkflowOutcome(
            WorkflowOutcomeKind.Applied,
            updated,
            new AuditDraft(report.Id, now, actor, "transition", data),
            updated.StatusChanged(report.Status, request.PublicNote),
            Messages: shared ? [NoticeContent.Of(updated)!] : null);
    }

    /// <summary>
    /// The notice choice of a move to triaged: the one asked for, else the one the report has (a re-triage keeps it),
    /// else everything. Null when the report keeps its notice, or the move is not to triaged.
    /// </summary>
    private static NoticeChoice? NoticeChoiceOf(Report report, TransitionRequest request, Dictionary<string, string[]> errors)
    {
        if (request.To != Triaged)
        {
            if (request.Notice is not null)
            {
                errors["notice"] = ["Only a move to 'triaged' shares a notice with the host; change it later with PUT …/notice."];
            }

            return null;
        }

        return request.Notice is null && report.Notice is not null
            ? null
            : ReportNotices.Parse(request.Notice, report.Evidence.Count, "notice.", errors);
    }

    /// <summary>
    /// A move the system makes on a message (delivery, acknowledgement). Returns null when the report is
    /// not in a status the move applies to; the caller still records the fact (e.g. the time) if it wants.
    /// </summary>
    public static Report? ApplySystem(Report report, string to, DateTimeOffset now) =>
        IsAllowed(report.Status, to, ActorKind.System)
            ? report with { Status = to, Version = report.Version + 1, UpdatedAt = now }
            : null;

    private static Dictionary<string, string[]> Validate(Report report, TransitionRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.To))
        {
            errors["to"] = ["The target status is required."];
        }
        else if (!IsKnown(request.To))
        {
            errors["to"] = [$"Unknown status '{request.To}'. Known: {string.Join(", ", All)}."];
        }

        if (request.ExpectedVersion is null)
        {
            errors["expectedVersion"] = ["The version you last saw is required (optimistic concurrency)."];
        }

        if (request.Severity is not null && !Severities.IsKnown(request.Severity))
        {
            errors["severity"] = [$"Unknown severity. Known: {string.Join(", ", Severities.All)}."];
        }

        if (request.Category is not null && !HazardTaxonomy.IsKnown(request.Category))
        {
            errors["category"] = ["Unknown category; see GET /api/v1/taxonomy."];
        }

        if (request.To == Duplicate && request.DuplicateOf is null)
        {
            errors["duplicateOf"] = ["A duplicate must name the report it duplicates."];
        }
        else if (request.DuplicateOf is { } original && original == report.Id)
        {
            errors["duplicateOf"] = ["A report cannot duplicate itself."];
        }
        else if (request.DuplicateOf is not null && request.To != Duplicate)
        {
            errors["duplicateOf"] = ["duplicateOf is only for a move to 'duplicate'."];
        }

        if (request.To == Triaged && (request.Severity ?? report.Severity) is null)
        {
            errors["severity"] = ["A triaged report needs a severity."];
        }

        if (request.Note is { Length: > MaxNoteLength })
        {
            errors["note"] = [$"At most {MaxNoteLength} characters."];
        }

        if (request.PublicNote is { Length: > MaxNoteLength })
        {
            errors["publicNote"] = [$"At most {MaxNoteLength} characters."];
        }

        return errors;
    }

    private static IReadOnlyList<ReportNote> Append(IReadOnlyList<ReportNote> notes, string? text, string author, DateTimeOffset at) =>
        string.IsNullOrWhiteSpace(text) ? notes : [.. notes, new ReportNote(at, author, text)];
}
