namespace SafetyReports.Portal.Auth;

/// <summary>Where to go after signing in: only a path inside the portal, never another site (open redirect).</summary>
public static class LocalReturnUrl
{
    public static string Sanitize(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl)
            || !returnUrl.StartsWith(PortalSchemes.BasePath, StringComparison.Ordinal)
            || returnUrl.Contains('\\') || returnUrl.Contains("//", StringComparison.Ordinal)
            || returnUrl.Any(char.IsControl))
        {
            return PortalSchemes.BasePath;
        }

        var rest = returnUrl[PortalSchemes.BasePath.Length..];
        return rest.Length == 0 || rest[0] is '/' or '?' ? returnUrl : PortalSchemes.BasePath;
    }
}
