namespace SafetyReports.Intake.AntiAbuse;

/// <summary>
/// The proof-of-work rule of the contract: SHA-256 of the UTF-8 text <c>{challenge}:{nonce}</c>
/// (nonce in decimal) must start with <c>difficulty</c> zero bits.
/// </summary>
public static class ProofOfWork
{
    public const string Header = "X-Proof-Of-Work";
    public const int MaxDifficulty = 32;

    /// <summary>Splits <c>{challenge}:{nonce}</c>; the challenge may not contain ':' but the split is at the last one anyway.</summary>
    public static bool TryParse(string? value, out string challenge, out string nonce)
    {
        challenge = nonce = "";
        if (string.IsNullOrEmpty(value) || value.Length > 2_000)
        {
            return false;
        }

        var colon = value.LastIndexOf(':');
        if (colon <= 0 || colon == value.Length - 1)
        {
            return false;
        }

        challenge = value[..colon];
        nonce = value[(colon + 1)..];
        return nonce.Length <= 20 && nonce.All(char.IsAsciiDigit);
    }

    public static bool IsSolved(string challenge, string nonce, int difficulty) =>
        LeadingZeroBits(SHA256.HashData(Encoding.UTF8.GetBytes($"{challenge}:{nonce}"))) >= difficulty;

    public static int LeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        var bits = 0;
        foreach (var b in hash)
        {
            if (b == 0)
            {
                bits += 8;
                continue;
            }

            return bits + System.Numerics.BitOperations.LeadingZeroCount((uint)b) - 24;
        }

        return bits;
    }

    /// <summary>Finds a nonce, as an API client would; used by tests and documented for integrators.</summary>
    public static string Solve(string challenge, int difficulty)
    {
        for (long nonce = 0; ; nonce++)
        {
            var text = nonce.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (IsSolved(challenge, text, difficulty))
            {
                return text;
            }
        }
    }
}
