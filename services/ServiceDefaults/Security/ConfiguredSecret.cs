using System.Text;

namespace SafetyReports.ServiceDefaults.Security;

/// <summary>
/// The one rule for secrets an operator configures (seeded client secrets, the portal's client secret, the first
/// admin's password, the bus signing key): long enough, and not a placeholder copied from an example. Messages name
/// the setting and never contain the value.
/// </summary>
public static class ConfiguredSecret
{
    /// <summary>For machine secrets; a password follows the password policy's own minimum.</summary>
    public const int MinimumLength = 16;

    private const int MinimumDistinctCharacters = 6;

    private const string Generate = "generate one, e.g. `openssl rand -base64 32`";

    /// <summary>Words examples use in place of a secret, compared with letters and digits only, ignoring case.</summary>
    private static readonly string[] PlaceholderWords =
        ["changeme", "replaceme", "placeholder", "setitin", "yoursecret", "yourpassword", "secrethere", "notasecret", "insecure"];

    /// <returns>Null when the secret is acceptable or not given (callers say when one is required); else what to fix.</returns>
    public static string? Problem(string setting, string? value, int minimumLength = MinimumLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (IsPlaceholder(value))
        {
            return $"{setting} is a placeholder from an example, not a secret: {Generate}.";
        }

        return value.Length < minimumLength ? $"{setting} is too short: at least {minimumLength} characters; {Generate}." : null;
    }

    /// <summary>For keys given as bytes (base64 in configuration): a key that decodes to placeholder text is refused too.</summary>
    public static string? KeyProblem(string setting, byte[] key) =>
        IsPlaceholder(Encoding.Latin1.GetString(key)) ? $"{setting} is a placeholder (it decodes to example text), not a key: {Generate}." : null;

    public static bool IsPlaceholder(string value)
    {
        var letters = new string([.. value.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);
        return PlaceholderWords.Any(word => letters.Contains(word, StringComparison.Ordinal))
            || value.Distinct().Count() < MinimumDistinctCharacters;
    }
}
