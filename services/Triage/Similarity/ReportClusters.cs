namespace SafetyReports.Triage.Similarity;

/// <summary>Which candidates (reports sharing an LSH band) really are near-duplicates of a report, and what they form.</summary>
public static class ReportClusters
{
    /// <summary>
    /// The report and the candidates about the same host and model, received within <see cref="SimilarityOptions.Window"/>
    /// before or after it, whose signatures are at least <see cref="SimilarityOptions.Threshold"/> similar to its own.
    /// </summary>
    public static ReportCluster Around(Report subject, ReportSignature signature, IEnumerable<SimilarCandidate> candidates, SimilarityOptions options)
    {
        var members = candidates
            .Where(c => c.Report.Id != subject.Id
                && SameModel(c.Report.Model, subject.Model)
                && (c.Report.ReceivedAt - subject.ReceivedAt).Duration() <= options.Window
                && c.Signature.SimilarityTo(signature) >= options.Threshold)
            .Select(c => c.Report)
            .Append(subject)
            .DistinctBy(r => r.Id)
            .OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id)
            .ToList();
        return new ReportCluster(members, members[0].ReceivedAt, members[^1].ReceivedAt, BurstRule.DistinctClients(members), BurstRule.IsBurst(members, options));
    }

    /// <summary>Near-duplicates received before the report, about any model, most recent first, at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<SimilarReport> Earlier(
        Report subject, ReportSignature signature, IEnumerable<SimilarCandidate> candidates, SimilarityOptions options, int max) =>
        candidates
            .Where(c => c.Report.Id != subject.Id && c.Report.ReceivedAt < subject.ReceivedAt)
            .Select(c => new SimilarReport(c.Report, c.Signature.SimilarityTo(signature)))
            .Where(s => s.Similarity >= options.Threshold)
            .OrderByDescending(s => s.Report.ReceivedAt).ThenByDescending(s => s.Report.Id)
            .Take(max)
            .ToList();

    /// <summary>Hosts are stored lower-cased by Intake; model ids compare as written.</summary>
    private static bool SameModel(ModelReference a, ModelReference b) =>
        string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Id, b.Id, StringComparison.Ordinal);
}

/// <summary>An earlier near-duplicate and its estimated similarity (0–1).</summary>
public sealed record SimilarReport(Report Report, double Similarity);
