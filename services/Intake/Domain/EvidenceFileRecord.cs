namespace SafetyReports.Intake.Domain;

/// <summary>
/// What is recorded of an evidence file besides its bytes, and what the receipt lists: never the bytes.
/// </summary>
/// <param name="Name">The reporter's name for it, cut to its last printable segment (shown, never used as a path).</param>
/// <param name="MediaType">The type its bytes say it is (<c>image/png</c>, <c>audio/mpeg</c>, <c>text/plain</c>…).</param>
/// <param name="Size">Bytes stored (for an image, after it was re-encoded).</param>
/// <param name="Sha256">SHA-256 of the stored bytes, hex.</param>
/// <param name="OriginalSha256">SHA-256 of the bytes as they arrived, hex: the same as <paramref name="Sha256"/> unless re-encoded.</param>
public sealed record EvidenceFileRecord(Guid Id, string Name, string MediaType, long Size, string Sha256, string OriginalSha256)
{
    /// <summary>How the hand-over names the file to Triage, which pulls the bytes.</summary>
    public EvidenceFileReference ToReference() => new(Id, Name, MediaType, Size, Sha256, OriginalSha256);
}

/// <summary>An evidence file to store with its submission: its record and the bytes to keep.</summary>
public sealed record StoredEvidenceFile(EvidenceFileRecord Record, byte[] Content)
{
    public static StoredEvidenceFile From(Evidence.CheckedEvidenceFile file) => new(
        new EvidenceFileRecord(Guid.NewGuid(), file.Name, file.Type.MediaType, file.StoredBytes.Length, file.StoredSha256, file.OriginalSha256),
        file.StoredBytes);
}
