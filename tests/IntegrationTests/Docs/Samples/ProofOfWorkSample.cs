using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace SafetyReports.IntegrationTests.Docs.Samples;

/// <summary>The proof-of-work solver docs/intake.md shows, exactly as it is printed there (<see cref="DocSamplesTests"/> compares them).</summary>
public static class ProofOfWorkSample
{
    public static string SolveFor(string challenge, int difficulty) => Solve(challenge, difficulty);

    // <sample: proof-of-work-csharp>
    static string Solve(string challenge, int difficulty)
    {
        for (long nonce = 0; ; nonce++)
        {
            var text = nonce.ToString(CultureInfo.InvariantCulture);
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{challenge}:{text}"));
            if (LeadingZeroBits(hash) >= difficulty) return text;
        }
    }

    static int LeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        var bits = 0;
        foreach (var b in hash)
        {
            if (b != 0) return bits + BitOperations.LeadingZeroCount((uint)b) - 24;
            bits += 8;
        }
        return bits;
    }
    // </sample: proof-of-work-csharp>
}
