namespace SafetyReports.Triage.Domain;

/// <summary>
/// The rules of a report's notice: checking a choice, moving the revision on when what is shared changes, the
/// maintainers' edit (<c>notice_changed</c>) and the re-share after a redaction. Audit entries record the choice
/// (flags, indices, whether the note was set, changed or removed), never the shared text.
/// </summary>
public static class ReportNotices
{
    public const string ChangedAction = "notice_changed";

    /// <summary>Checks a requested choice against the report's evidence; errors are keyed <paramref name="prefix"/> + field.</summary>
    /// <returns>The choice, or null when a field is wrong (the errors say which).</returns>
    public static NoticeChoice? Parse(NoticeRequest? request, int evidenceItems, string prefix, Dictionary<string, string[]> errors)
    {
        if (request is null)
        {
            return NoticeChoice.Everything(evidenceItems);
        }

        var valid = true;
        IReadOnlyList<int> evidence = [.. Enumerable.Range(0, evidenceItems)];
        if (request.ShareEvidence is { } indices)
        {
            if (indices.Any(i => i < 0 || i >= evidenceItems) || indices.Distinct().Count() != indices.Count)
            {
                errors[prefix + "shareEvidence"] = [evidenceItems == 0
                    ? "The report has no evidence: give [] or leave it out."
                    : $"Distinct indices of the report's evidence, 0 to {(evidenceItems - 1).ToString(CultureInfo.InvariantCulture)}; [] shares none."];
                valid = false;
            }
            else
            {
                evidence = [.. indices.Order()];
            }
        }

        var note = MaintainerText.Optional(request.NoteToHost, prefix + "noteToHost", errors);
        return valid && !errors.ContainsKey(prefix + "noteToHost") ? new NoticeChoice(request.ShareDescription ?? true, evidence, note) : null;
    }

    /// <summary>
    /// The notice after <paramref name="choice"/> (null keeps the one there is): revision 1 for the first, one more when the
    /// choice differs, the same notice when it does not.
    /// </summary>
    public static (ReportNotice Notice, bool Changed) Choose(ReportNotice? current, NoticeChoice? choice, DateTimeOffset now)
    {
        if (current is not null && (choice is null || current.ToChoice().SameAs(choice)))
        {
            return (current, false);
        }

        var chosen = choice ?? throw new ArgumentNullException(nameof(choice), "A report without a notice needs a choice.");
        return (new ReportNotice(chosen.ShareDescription, chosen.SharedEvidence, chosen.NoteToHost, (current?.Revision ?? 0) + 1, now), true);
    }

    /// <summary>What an audit entry records of a notice: its revision and choice, and what happened to the note (no text).</summary>
    public static object AuditData(ReportNotice? before, ReportNotice after) => new
    {
        revision = after.Revision,
        shareDescription = after.ShareDescription,
        shareEvidence = after.SharedEvidence,
        noteToHost = NoteChange(before?.NoteToHost, after.NoteToHost),
    };

    /// <returns><c>set</c>, <c>changed</c>, <c>removed</c> or <c>unchanged</c> (also when there was none and is none).</returns>
    public static string NoteChange(string? before, string? after) => (before, after) switch
    {
        (null, null) => "unchanged",
        (null, _) => "set",
        (_, null) => "removed",
        _ when string.Equals(before, after, StringComparison.Ordinal) => "unchanged",
        _ => "changed",
    };

    /// <summary>
    /// A maintainer changes what the host is shown. Bad fields are a 400; a stale version, or a report never triaged
    /// (its notice goes with the move to triaged), a 409; the same choice as now changes nothing.
    /// </summary>
    public static WorkflowOutcome Edit(Report report, NoticeUpdateRequest request, string actor, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var choice = Parse(request.ToChoice(), report.Evidence.Count, "", errors);
        if (ExpectedVersion.Check(report, request.ExpectedVersion, errors) is { } refused)
        {
            return refused;
        }

        if (report.TriagedAt is null)
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.Conflict,
                Detail: "The report was never triaged, so its host was told nothing: share the notice with the move to triaged.");
        }

        var (notice, changed) = Choose(report.Notice, choice, now);
        if (!changed)
        {
            return new WorkflowOutcome(WorkflowOutcomeKind.Unchanged, report);
        }

        var updated = report with { Notice = notice, Version = report.Version + 1, UpdatedAt = now };
        var data = JsonSerializer.Serialize(AuditData(report.Notice, notice));
        return new WorkflowOutcome(WorkflowOutcomeKind.Applied, updated, new AuditDraft(report.Id, now, actor, ChangedAction, data),
            Messages: [NoticeContent.Of(updated)!]);
    }

    /// <summary>
    /// After <paramref name="before"/> became <paramref name="after"/> by a change of its text (a redaction): when its host was
    /// told and now would see something else, the notice moves to the next revision and is shared again.
    /// </summary>
    public static (Report Report, ReportNoticeShared? Shared) Reshare(Report before, Report after, DateTimeOffset now)
    {
        if (after is not { TriagedAt: not null, Notice: { } notice } || !NoticeContent.Differs(NoticeContent.Of(before), NoticeContent.Of(after)))
        {
            return (after, null);
        }

        var reshared = after with { Notice = notice with { Revision = notice.Revision + 1, ChangedAt = now } };
        return (reshared, NoticeContent.Of(reshared));
    }
}
