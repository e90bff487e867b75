namespace SafetyReports.Identity.Configuration;

/// <summary>
/// The first admin, from <c>SafetyReports:Identity:Admin</c>: created at start when no admin exists.
/// A class, not a record, so a generated <c>ToString</c> can never print the password.
/// </summary>
public sealed class AdminSeedOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrEmpty(Password);
}
