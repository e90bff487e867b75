using OpenIddict.Abstractions;

namespace SafetyReports.Identity.Tokens;

/// <summary>
/// Which scopes a signed-in user's tokens get: what the client asked for (OpenIddict has already
/// checked that against the client's permissions), narrowed to the OIDC scopes and the API scopes of
/// the user's roles. Re-applied at every refresh, so a role taken away takes its scopes with it.
/// A host user gets <c>host</c> and nothing of the maintainers'; a maintainer never gets <c>host</c>.
/// </summary>
public static class ScopeGrant
{
    public static readonly IReadOnlyList<string> OpenIdScopes =
    [
        OpenIddictConstants.Scopes.OpenId,
        OpenIddictConstants.Scopes.Profile,
        OpenIddictConstants.Scopes.Email,
        OpenIddictConstants.Scopes.Roles,
        OpenIddictConstants.Scopes.OfflineAccess,
    ];

    public static IReadOnlyList<string> ApiScopesOf(IEnumerable<string> roles)
    {
        var roleList = roles.ToList();
        if (roleList.Contains(Roles.Host, StringComparer.Ordinal))
        {
            // The role stands alone (UserRules); should a store ever hold more, the host's token still gets no maintainer scope.
            return [Scopes.Host];
        }

        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var role in roleList)
        {
            switch (role)
            {
                case Roles.Admin:
                    scopes.UnionWith([Scopes.Triage, Scopes.NotificationsAdmin, Scopes.IdentityAdmin]);
                    break;
                case Roles.Triager:
                    scopes.Add(Scopes.Triage);
                    break;
            }
        }

        return [.. scopes];
    }

    public static IReadOnlyList<string> For(IEnumerable<string> requested, IEnumerable<string> roles)
    {
        var allowed = new HashSet<string>(OpenIdScopes.Concat(ApiScopesOf(roles)), StringComparer.Ordinal);
        return [.. requested.Where(allowed.Contains).Distinct(StringComparer.Ordinal)];
    }
}
