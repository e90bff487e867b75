namespace SafetyReports.Identity.Users;

/// <summary>
/// The maintainers' password rule, NIST SP 800-63B style: long enough, no composition rules, and not
/// the account's own e-mail. Used by the user store (through <see cref="PolicyPasswordValidator"/>), the
/// admin API and the start-up check of the seeded admin, so all three say the same.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;

    /// <summary>Long enough for any passphrase, short enough that hashing it stays cheap.</summary>
    public const int MaximumLength = 256;

    public static IReadOnlyList<string> Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ["A password is required."];
        }

        var errors = new List<string>();
        if (password.Length < MinimumLength)
        {
            errors.Add($"The password must be at least {MinimumLength} characters long.");
        }
        else if (password.Length > MaximumLength)
        {
            errors.Add($"The password must be at most {MaximumLength} characters long.");
        }

        if (!string.IsNullOrWhiteSpace(email) && string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("The password must not be the e-mail address.");
        }

        return errors;
    }
}
