namespace SafetyReports.Intake.Evidence;

/// <summary>
/// A file ready to be stored: its type from its bytes, the bytes to keep (an image re-encoded, anything else as it
/// came) and the SHA-256 of the original and of the stored bytes, so either can be matched later.
/// </summary>
public sealed record CheckedEvidenceFile(
    string Name, EvidenceFileType Type, byte[] StoredBytes, long OriginalSize, string OriginalSha256, string StoredSha256);
