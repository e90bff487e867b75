using System.Security.Cryptography;

namespace SafetyReports.Identity.Users;

/// <summary>
/// A password hash made once, of a random password, with the accounts' hashing settings. A sign-in attempt that has
/// no hash of its own to check (an e-mail without an account, an account already locked) verifies the password
/// against this one instead, so every attempt costs one verification and its timing does not tell which e-mails
/// are maintainers.
/// </summary>
public sealed class DecoyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    private static readonly IdentityUser Nobody = new();

    private readonly Lazy<string> _hash = new(() =>
        new PasswordHasher<IdentityUser>(options).HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

    /// <summary>Spends one verification, through the accounts' own hasher; the answer is always "no".</summary>
    public void Verify(IPasswordHasher<IdentityUser> hasher, string password) =>
        hasher.VerifyHashedPassword(Nobody, _hash.Value, password);
}
