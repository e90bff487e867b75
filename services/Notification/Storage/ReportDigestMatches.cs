namespace SafetyReports.Notification.Storage;

public static class ReportDigestMatches
{
    /// <summary>Rows of (report, digest) as one match per report, digests sorted, reports in id order.</summary>
    public static IReadOnlyList<ReportDigestMatch> Of(IEnumerable<(Guid ReportId, string Digest)> rows) =>
        rows.GroupBy(r => r.ReportId)
            .OrderBy(g => g.Key)
            .Select(g => new ReportDigestMatch(g.Key, g.Select(r => r.Digest).Distinct().Order(StringComparer.Ordinal).ToList()))
            .ToList();
}
