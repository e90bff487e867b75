using System.Net.Mail;
using SafetyReports.ServiceDefaults.Security;

namespace SafetyReports.Identity.Users;

/// <summary>What makes a maintainer's e-mail and role list acceptable.</summary>
public static class UserRules
{
    public const int MaximumEmailLength = 254;

    public static string? CheckEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "An e-mail address is required.";
        }

        if (email.Length > MaximumEmailLength)
        {
            return $"The e-mail address must be at most {MaximumEmailLength} characters long.";
        }

        // MailAddress accepts display names and surrounding spaces: the address must be all there is.
        if (email.Trim() != email
            || TextRules.HasForbiddenCharacters(email, multiline: false)
            || !MailAddress.TryCreate(email, out var parsed)
            || parsed.Address != email
            || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            return "Enter an e-mail address like name@example.org.";
        }

        return null;
    }

    /// <summary>Null roles mean none; every role must be one of <see cref="Roles.All"/>.</summary>
    public static string? CheckRoles(IReadOnlyCollection<string?>? roles)
    {
        if (roles is null || roles.Count == 0)
        {
            return $"At least one role is required: {string.Join(", ", Roles.All)}.";
        }

        var unknown = roles.Where(r => r is null || !Roles.All.Contains(r, StringComparer.Ordinal)).ToList();
        return unknown.Count == 0
            ? null
            : $"Unknown role(s) {string.Join(", ", unknown.Select(r => $"'{r}'"))}; known roles: {string.Join(", ", Roles.All)}.";
    }

    /// <summary>The roles as stored: known, distinct, in a stable order.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string?> roles) =>
        [.. roles.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
