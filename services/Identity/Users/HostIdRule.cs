using System.Text.RegularExpressions;

namespace SafetyReports.Identity.Users;

/// <summary>What a host id looks like, the same form as a model host's id in Notification: for host clients and host users alike.</summary>
public static partial class HostIdRule
{
    public const string Problem = "A host id is 1 to 100 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.";

    public static bool IsValid(string? hostId) => hostId is not null && Pattern().IsMatch(hostId);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,99}\z")]
    private static partial Regex Pattern();
}
