namespace SafetyReports.Identity.Tokens;

/// <summary>An OAuth error answered by OpenIddict (it writes the JSON or the redirect the protocol asks for).</summary>
public static class OpenIddictErrors
{
    public static IResult Forbid(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
