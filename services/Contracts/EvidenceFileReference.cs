namespace SafetyReports.Contracts;

/// <summary>
/// An evidence file of a submitted report, as the hand-over names it: never its bytes, which Triage pulls from Intake's
/// internal evidence endpoint and checks against <paramref name="Sha256"/> (docs/intake.md "Evidence files").
/// </summary>
/// <param name="MediaType">The type its bytes say it is (<c>image/png</c>, <c>audio/mpeg</c>, <c>text/plain</c>…).</param>
/// <param name="Size">Bytes stored (for an image, after it was re-encoded).</param>
/// <param name="Sha256">SHA-256 of the stored bytes, hex.</param>
/// <param name="OriginalSha256">SHA-256 of the bytes as the reporter sent them, hex.</param>
public sealed record EvidenceFileReference(Guid Id, string Name, string MediaType, long Size, string Sha256, string OriginalSha256);
