using System.Security.Cryptography;

namespace SafetyReports.Triage.Evidence;

/// <summary>A pulled file is kept only when it is the very file the hand-over named: its size and its SHA-256.</summary>
public static class EvidenceFileVerification
{
    /// <summary>Why <paramref name="content"/> is not the file <paramref name="reference"/> names; null when it is.</summary>
    public static string? Mismatch(EvidenceFileReference reference, byte[] content)
    {
        if (content.LongLength != reference.Size)
        {
            return $"{content.LongLength} bytes where {reference.Size} were recorded";
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        return string.Equals(hash, reference.Sha256, StringComparison.OrdinalIgnoreCase) ? null : "a SHA-256 other than the one recorded";
    }
}
