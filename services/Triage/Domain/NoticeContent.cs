namespace SafetyReports.Triage.Domain;

/// <summary>
/// The notice a host receives, built from the report as it is now: redactions are in the report's text already,
/// the evidence is the chosen items in the report's order, the files those shared (their records, never their bytes), and nothing of the reporter but their good-faith
/// statement and the day the report arrived (never their name or e-mail, whatever was chosen).
/// </summary>
public static class NoticeContent
{
    /// <returns>The notice, or null while the report has none (it was never triaged).</returns>
    public static ReportNoticeShared? Of(Report report)
    {
        if (report.Notice is not { } notice)
        {
            return null;
        }

        var evidence = notice.SharedEvidence
            .Where(i => i >= 0 && i < report.Evidence.Count)
            .Distinct()
            .Order()
            .Select(i => new EvidenceItem(report.Evidence[i].Kind, report.Evidence[i].Content))
            .ToList();
        return new ReportNoticeShared(
            report.Id,
            notice.Revision,
            report.Model,
            notice.ShareDescription ? report.Description : null,
            evidence,
            notice.NoteToHost,
            GoodFaith: true,
            DateOnly.FromDateTime(report.ReceivedAt.UtcDateTime),
            notice.ChangedAt,
            [.. report.EvidenceFiles.Where(f => report.SharedFiles.Contains(f.Id)).Select(SharedEvidenceFile.Of)]);
    }

    /// <summary>Whether a host told <paramref name="before"/> would see something else in <paramref name="after"/> (revision and time aside).</summary>
    public static bool Differs(ReportNoticeShared? before, ReportNoticeShared? after) =>
        before is null || after is null
            ? before is not null || after is not null
            : before.Description != after.Description || before.NoteToHost != after.NoteToHost || !before.Evidence.SequenceEqual(after.Evidence)
              || before.Model != after.Model || !(before.Files ?? []).SequenceEqual(after.Files ?? []);
}
