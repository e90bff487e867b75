namespace SafetyReports.Intake.Domain;

/// <summary>A stored submission waiting for Triage to confirm it; <see cref="Payload"/> is what gets handed over.</summary>
/// <param name="TraceParent">The W3C trace context of the request that submitted it: the hand-over continues that trace.</param>
/// <param name="Files">Evidence files stored with it, in the same transaction; none when null.</param>
public sealed record Submission(
    Guid Id, DateTimeOffset ReceivedAt, string TokenHash, ReportSubmitted Payload, string? TraceParent = null,
    IReadOnlyList<StoredEvidenceFile>? Files = null)
{
    public IReadOnlyList<StoredEvidenceFile> EvidenceFiles => Files ?? [];
}
