namespace SafetyReports.Intake.AntiAbuse;

/// <summary>
/// Turns a client address into a keyed hash that changes every day, so rate limits and folding can
/// tell clients apart without any raw IP address being kept. The key lives only in this process's
/// memory: after a restart (or on another replica) the same client gets another hash.
/// </summary>
public sealed class ClientAddressHasher(TimeProvider clock)
{
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);

    public string Hash(IPAddress? address)
    {
        var day = clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dailyKey = HMACSHA256.HashData(_secret, Encoding.ASCII.GetBytes(day));
        var normalized = Normalize(address);
        return Convert.ToHexStringLower(HMACSHA256.HashData(dailyKey, Encoding.ASCII.GetBytes(normalized)))[..32];
    }

    /// <summary>See <see cref="ClientAddressKey"/>.</summary>
    public static string Normalize(IPAddress? address) => ClientAddressKey.Of(address);
}
