namespace SafetyReports.Contracts;

/// <summary>
/// An evidence file the maintainers shared with the report's host, as its notice names it: what it is, never its bytes,
/// which the host downloads through the authenticated host API (docs/webhooks.md "The notice").
/// </summary>
/// <param name="MediaType">The type its bytes say it is (<c>image/png</c>, <c>audio/mpeg</c>, <c>text/plain</c>…).</param>
/// <param name="Size">Bytes stored (for an image, after it was re-encoded on arrival).</param>
/// <param name="Sha256">SHA-256 of the stored bytes, hex: what the host's download must hash to.</param>
public sealed record SharedEvidenceFile(Guid Id, string Name, string MediaType, long Size, string Sha256)
{
    public static SharedEvidenceFile Of(EvidenceFileReference file) => new(file.Id, file.Name, file.MediaType, file.Size, file.Sha256);
}
