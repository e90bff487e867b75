namespace SafetyReports.Portal.Reports;

/// <summary>The notice fields as a form shows or posts them: the description's checkbox, the evidence checkboxes (indices), the note to the host.</summary>
public sealed record NoticeInput(bool ShareDescription, IReadOnlyList<int> ShareEvidence, string? NoteToHost)
{
    public bool Shares(int evidenceIndex) => ShareEvidence.Contains(evidenceIndex);
}

/// <summary>
/// What a report's host receives, as the triage form and the notice form ask for it: everything is shared unless
/// a maintainer unticks it (the design's default), a re-triage starts from the earlier choice, and what a form posts
/// is checked before Triage sees it (Triage checks again).
/// </summary>
public static class NoticeForm
{
    /// <summary>The note to the host, as Triage limits it.</summary>
    public const int MaxNoteLength = 5_000;

    /// <summary>What the form shows before anything was posted: the current choice, or the description and every evidence item.</summary>
    public static NoticeInput Current(ReportDetail report) => report.Notice is { } notice
        ? new NoticeInput(notice.ShareDescription, notice.SharedEvidence.Where(i => i >= 0 && i < report.Evidence.Count).Distinct().Order().ToList(), notice.NoteToHost)
        : new NoticeInput(true, Enumerable.Range(0, report.Evidence.Count).ToList(), null);

    /// <summary>
    /// The posted fields as a choice, and the errors by field name. An unticked checkbox
    /// sends nothing, so the description is shared only when <paramref name="shareDescription"/> says so.
    /// </summary>
    public static (NoticeInput Input, Dictionary<string, FormError> Errors) Read(string? shareDescription, IEnumerable<string>? shareEvidence, string? noteToHost, int evidenceCount)
    {
        var errors = new Dictionary<string, FormError>();
        var indices = new SortedSet<int>();
        foreach (var value in shareEvidence ?? [])
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < evidenceCount)
            {
                indices.Add(index);
            }
            else
            {
                errors["shareEvidence"] = new FormError("Error_EvidenceIndex");
            }
        }

        TextInput.Check(errors, "noteToHost", noteToHost, MaxNoteLength, required: false);
        var shares = shareDescription is not null && bool.TryParse(shareDescription, out var yes) && yes;
        return (new NoticeInput(shares, [.. indices], noteToHost), errors);
    }

    public static NoticeChoice ToChoice(NoticeInput input) =>
        new(input.ShareDescription, input.ShareEvidence, TextInput.Trimmed(input.NoteToHost));
}
