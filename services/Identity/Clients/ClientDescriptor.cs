using System.Text.Json;
using OpenIddict.Abstractions;
using SafetyReports.Identity.Configuration;

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
        descriptor.Permissions.Add(OpenIddictConstants.Permissions.GrantTypes.ClientCredentials);
        // A scope permission is what lets OpenIddict refuse a request for any other scope.
        foreach (var scope in client.Scopes.Distinct(StringComparer.Ordinal))
        {
            descriptor.Permissions.Add(OpenIddictConstants.Permissions.Prefixes.Scope + scope);
        }

        descriptor.Properties[ClientProperties.SeededFromConfiguration] = JsonSerializer.SerializeToElement(true);
        if (!string.IsNullOrWhiteSpace(client.HostId))
        {
            descriptor.Properties[ClientProperties.HostId] = JsonSerializer.SerializeToElement(client.HostId);
        }

        return descriptor;
    }
}
