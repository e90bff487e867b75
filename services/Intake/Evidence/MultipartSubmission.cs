namespace SafetyReports.Intake.Evidence;

/// <summary>
/// A submission sent as <c>multipart/form-data</c>: the report's JSON and its files, or why it was not read to the end.
/// </summary>
public sealed record MultipartSubmission(
    byte[]? ReportJson, IReadOnlyList<IncomingEvidenceFile> Files, EvidenceFileRefusal? Refusal = null, string? Problem = null)
{
    public static MultipartSubmission Refused(EvidenceFileRefusal refusal, string problem) => new(null, [], refusal, problem);
}
