using System.Net.Mail;
using SafetyReports.ServiceDefaults.Text;

namespace SafetyReports.Identity.Users;

/// <summary>What makes a user's e-mail, role list and host id acceptable.</summary>
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

    public const string HostAlone = $"The '{Roles.Host}' role stands alone: a host user cannot also be {Roles.Admin} or {Roles.Triager}.";

    public const string HostRoleFixed =
        $"The '{Roles.Host}' role is given with its host id when a user is created: it cannot be added to or taken from an existing user.";

    /// <summary>
    /// A host user has the <c>host</c> role alone and a valid host id; nobody else has a host id. Expects roles that
    /// <see cref="CheckRoles"/> accepted. A host id of null is none; any other value (even empty) is one.
    /// </summary>
    /// <returns>Errors keyed by request field (<c>roles</c>, <c>hostId</c>); empty when acceptable.</returns>
    public static Dictionary<string, string[]> FindHostErrors(IReadOnlyCollection<string?> roles, string? hostId)
    {
        var errors = new Dictionary<string, string[]>();
        var isHost = roles.Contains(Roles.Host, StringComparer.Ordinal);
        if (isHost && roles.Any(r => r != Roles.Host))
        {
            errors["roles"] = [HostAlone];
        }

        if (isHost && hostId is null)
        {
            errors["hostId"] = [$"A user with the '{Roles.Host}' role needs a hostId: it binds the user to one model host."];
        }
        else if (!isHost && hostId is not null)
        {
            errors["hostId"] = [$"A hostId is only for a user with the '{Roles.Host}' role."];
        }
        else if (isHost && !HostIdRule.IsValid(hostId))
        {
            errors["hostId"] = [HostIdRule.Problem];
        }

        return errors;
    }

    /// <summary>Changing an existing user's roles may not make a maintainer a host user or a host user a maintainer.</summary>
    /// <returns>Why not, or null when the change is acceptable.</returns>
    public static string? CheckRoleChange(IEnumerable<string> current, IReadOnlyCollection<string> wanted)
    {
        var wasHost = current.Contains(Roles.Host, StringComparer.Ordinal);
        var staysHost = wanted.Contains(Roles.Host, StringComparer.Ordinal);
        if (wasHost != staysHost)
        {
            return HostRoleFixed;
        }

        return staysHost && wanted.Count > 1 ? HostAlone : null;
    }
}
