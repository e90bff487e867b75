namespace SafetyReports.Triage.Similarity;

/// <summary>A report that shares at least one LSH band with another, with its stored signature (the store's band lookup).</summary>
public sealed record SimilarCandidate(Report Report, ReportSignature Signature);
