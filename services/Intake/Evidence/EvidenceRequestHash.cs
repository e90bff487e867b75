namespace SafetyReports.Intake.Evidence;

/// <summary>
/// The request hash of a submission with files, for its <c>Idempotency-Key</c>: the report's hash and each file's name
/// and SHA-256, in order. A multipart body's boundary changes from one try to the next, so the raw body is not hashed.
/// </summary>
public static class EvidenceRequestHash
{
    public static string Of(string reportHash, IReadOnlyList<IncomingEvidenceFile> files)
    {
        if (files.Count == 0)
        {
            return reportHash;
        }

        var text = new StringBuilder(reportHash);
        foreach (var file in files)
        {
            text.Append('\n').Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file.Name))))
                .Append(':').Append(Convert.ToHexStringLower(SHA256.HashData(file.Content)));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
