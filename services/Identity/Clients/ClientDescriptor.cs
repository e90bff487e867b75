using System.Globalization;
using System.Text.Json;
using OpenIddict.Abstractions;

namespace SafetyReports.Identity.Clients;

/// <summary>Turns a configured client into the OpenIddict application it stands for.</summary>
public static class ClientDescriptor
{
    /// <summary>Expects a client that <see cref="SeededClientValidator"/> accepted.</summary>
    public static OpenIddictApplicationDescriptor From(SeededClientOptions client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            DisplayName = client.ClientId,
        };

        descriptor.Permissions.Add(OpenIddictConstants.Permissions.Endpoints.Token);
        if (client.IsInteractive)
        {
            AddInteractive(descriptor, client);
        }
        else
        {
            descriptor.Permissions.Add(OpenIddictConstants.Permissions.GrantTypes.ClientCredentials);
        }

        // A scope permission is what lets OpenIddict refuse a request for any other scope.
        foreach (var scope in client.Scopes.Distinct(StringComparer.Ordinal))
        {
            descriptor.Permissions.Add(OpenIddictConstants.Permissions.Prefixes.Scope + scope);
        }

        if (client.AccessTokenLifetime is { } lifetime)
        {
            // OpenIddict reads a per-client lifetime from the application's settings.
            descriptor.Settings[OpenIddictConstants.Settings.TokenLifetimes.AccessToken] =
                lifetime.ToString("c", CultureInfo.InvariantCulture);
        }

        descriptor.Properties[ClientProperties.SeededFromConfiguration] = JsonSerializer.SerializeToElement(true);
        if (!string.IsNullOrWhiteSpace(client.HostId))
        {
            descriptor.Properties[ClientProperties.HostId] = JsonSerializer.SerializeToElement(client.HostId);
        }

        return descriptor;
    }

    /// <summary>
    /// A first-party client that signs maintainers in: code flow with PKCE required, refresh tokens,
    /// sign-out, and no consent screen. Which API scopes a user gets also depends on their roles.
    /// </summary>
    private static void AddInteractive(OpenIddictApplicationDescriptor descriptor, SeededClientOptions client)
    {
        descriptor.ConsentType = OpenIddictConstants.ConsentTypes.Implicit;
        descriptor.Permissions.UnionWith(
        [
            OpenIddictConstants.Permissions.Endpoints.Authorization,
            OpenIddictConstants.Permissions.Endpoints.EndSession,
            OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode,
            OpenIddictConstants.Permissions.GrantTypes.RefreshToken,
            OpenIddictConstants.Permissions.ResponseTypes.Code,
            OpenIddictConstants.Permissions.Scopes.Profile,
            OpenIddictConstants.Permissions.Scopes.Email,
            OpenIddictConstants.Permissions.Scopes.Roles,
        ]);
        descriptor.Requirements.Add(OpenIddictConstants.Requirements.Features.ProofKeyForCodeExchange);
        descriptor.RedirectUris.UnionWith(client.RedirectUris.Select(u => new Uri(u, UriKind.Absolute)));
        descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris.Select(u => new Uri(u, UriKind.Absolute)));
    }
}
