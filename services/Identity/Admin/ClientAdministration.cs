using OpenIddict.Abstractions;

namespace SafetyReports.Identity.Admin;

/// <summary>
/// Machine clients for the admin API. A client made here is not marked as seeded, so configuration
/// never removes it; a seeded client deleted here comes back at the next start.
/// </summary>
public sealed class ClientAdministration(IOpenIddictApplicationManager applications, IOptions<IdentityServiceOptions> options)
{
    public async Task<IReadOnlyList<ClientView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<ClientView>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
            views.Add(new ClientView(
                await applications.GetClientIdAsync(application, cancellationToken) ?? string.Empty,
                [.. ClientProperties.GrantedScopes(permissions).Order(StringComparer.Ordinal)],
                ClientProperties.ReadHostId(await applications.GetPropertiesAsync(application, cancellationToken)),
                ClientProperties.IsInteractive(permissions)));
        }

        return [.. views.OrderBy(v => v.ClientId, StringComparer.Ordinal)];
    }

    public async Task<AdminOutcome<CreatedClientView>> CreateAsync(CreateClientRequest request, CancellationToken cancellationToken)
    {
        var errors = MachineClientRules.FindErrors(request, options.Value.EvidenceClients);
        if (errors.Count > 0)
        {
            return AdminOutcome<CreatedClientView>.Invalid(errors);
        }

        if (await applications.FindByClientIdAsync(request.ClientId!, cancellationToken) is not null)
        {
            return AdminOutcome<CreatedClientView>.Conflict("A client with this id already exists.");
        }

        var secret = SecretHasher.NewToken();
        var scopes = request.Scopes!.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = request.ClientId,
            ClientSecret = secret,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            DisplayName = request.ClientId,
        };
        descriptor.Permissions.Add(OpenIddictConstants.Permissions.Endpoints.Token);
        descriptor.Permissions.Add(OpenIddictConstants.Permissions.GrantTypes.ClientCredentials);
        descriptor.Permissions.UnionWith(scopes.Select(s => OpenIddictConstants.Permissions.Prefixes.Scope + s));
        if (request.HostId is not null)
        {
            descriptor.Properties[ClientProperties.HostId] = System.Text.Json.JsonSerializer.SerializeToElement(request.HostId);
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        return AdminOutcome<CreatedClientView>.Created(new CreatedClientView(request.ClientId!, secret, scopes, request.HostId));
    }

    public async Task<AdminOutcome<CreatedClientView>> DeleteAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return AdminOutcome<CreatedClientView>.NotFound("No client with this id.");
        }

        await applications.DeleteAsync(application, cancellationToken);
        return AdminOutcome<CreatedClientView>.Deleted();
    }
}
