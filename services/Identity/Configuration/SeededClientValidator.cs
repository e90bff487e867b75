using SafetyReports.Identity;

namespace SafetyReports.Identity.Configuration;

/// <summary>
/// Refuses a start with clients that could not work as configured. Messages name the
/// configuration key at fault and never contain a secret.
/// </summary>
public sealed class SeededClientValidator : IValidateOptions<IdentityServiceOptions>
{
    /// <summary>Shorter would expire before a client could use the token at all.</summary>
    public static readonly TimeSpan MinimumAccessTokenLifetime = TimeSpan.FromSeconds(1);

    public ValidateOptionsResult Validate(string? name, IdentityServiceOptions options)
    {
        var errors = FindErrors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IReadOnlyList<string> FindErrors(IdentityServiceOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Issuer) && !IsValidIssuer(options.Issuer))
        {
            errors.Add($"{IdentityServiceOptions.Section}:Issuer must be an absolute http(s) URL without query or fragment.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Clients.Count; i++)
        {
            var client = options.Clients[i];
            var key = $"{IdentityServiceOptions.Section}:Clients:{i}";
            if (string.IsNullOrWhiteSpace(client.ClientId))
            {
                errors.Add($"{key}:ClientId is required.");
            }
            else if (!seen.Add(client.ClientId))
            {
                errors.Add($"{key}:ClientId '{client.ClientId}' is configured more than once.");
            }

            if (string.IsNullOrWhiteSpace(client.ClientSecret))
            {
                errors.Add($"{key}:ClientSecret is required.");
            }
            else if (ConfiguredSecret.Problem($"{key}:ClientSecret", client.ClientSecret) is { } weak)
            {
                errors.Add(weak);
            }

            if (client.Scopes.Count == 0)
            {
                errors.Add($"{key}:Scopes must grant at least one of: {string.Join(", ", Scopes.All)}.");
            }

            foreach (var scope in client.Scopes.Where(s => !Scopes.All.Contains(s, StringComparer.Ordinal)))
            {
                errors.Add($"{key}:Scopes contains the unknown scope '{scope}'; known scopes: {string.Join(", ", Scopes.All)}.");
            }

            errors.AddRange(options.EvidenceClients.Refusals(client.ClientId, client.Scopes).Select(refusal => $"{key}:Scopes: {refusal}"));

            var hasHostScope = client.Scopes.Contains(Scopes.Host, StringComparer.Ordinal);
            var hasHostId = !string.IsNullOrWhiteSpace(client.HostId);
            if (client.IsInteractive)
            {
                // An interactive client may ask for 'host' on behalf of host users; the host comes from the signed-in user.
                if (hasHostId)
                {
                    errors.Add($"{key}:HostId: an interactive client (with RedirectUris) signs users in, and a host user's host id is the user's own; remove it.");
                }
            }
            else if (hasHostScope && !hasHostId)
            {
                errors.Add($"{key}:HostId is required with the '{Scopes.Host}' scope: it binds the client to one model host.");
            }
            else if (hasHostId && !hasHostScope)
            {
                errors.Add($"{key}:HostId is set but the client is not granted the '{Scopes.Host}' scope.");
            }

            if (client.AccessTokenLifetime is { } lifetime
                && (lifetime < MinimumAccessTokenLifetime || lifetime > IdentityModule.AccessTokenLifetime))
            {
                errors.Add($"{key}:AccessTokenLifetime must be between {MinimumAccessTokenLifetime:c} and {IdentityModule.AccessTokenLifetime:c}.");
            }

            errors.AddRange(FindInteractiveErrors(client, key));
        }

        return errors;
    }

    /// <summary>Redirect URIs must be exact absolute http(s) URLs.</summary>
    private static IEnumerable<string> FindInteractiveErrors(SeededClientOptions client, string key)
    {
        for (var i = 0; i < client.RedirectUris.Count; i++)
        {
            if (!IsValidRedirectUri(client.RedirectUris[i]))
            {
                yield return $"{key}:RedirectUris:{i} must be an absolute http(s) URL without user info or fragment.";
            }
        }

        for (var i = 0; i < client.PostLogoutRedirectUris.Count; i++)
        {
            if (!IsValidRedirectUri(client.PostLogoutRedirectUris[i]))
            {
                yield return $"{key}:PostLogoutRedirectUris:{i} must be an absolute http(s) URL without user info or fragment.";
            }
        }

        if (client.PostLogoutRedirectUris.Count > 0 && !client.IsInteractive)
        {
            yield return $"{key}:PostLogoutRedirectUris needs RedirectUris: only an interactive client signs users out.";
        }
    }

    public static bool IsValidRedirectUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo)
        && string.IsNullOrEmpty(uri.Fragment);

    private static bool IsValidIssuer(string issuer) =>
        Uri.TryCreate(issuer, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.Fragment);
}
