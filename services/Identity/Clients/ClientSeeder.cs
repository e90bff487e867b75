using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace SafetyReports.Identity.Clients;

/// <summary>
/// Makes the stored clients match configuration: creates missing ones, updates existing ones
/// (secret, scopes, host) in place, and deletes clients configuration once seeded but no longer lists.
/// Clients created any other way are left alone.
/// </summary>
public sealed partial class ClientSeeder(IOpenIddictApplicationManager applications, ILogger<ClientSeeder> logger)
{
    public async Task SeedAsync(IReadOnlyList<SeededClientOptions> clients, CancellationToken cancellationToken)
    {
        foreach (var client in clients)
        {
            var descriptor = ClientDescriptor.From(client);
            var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
                LogCreated(descriptor.ClientId!, string.Join(' ', client.Scopes));
            }
            else
            {
                // The manager hashes the new secret and replaces permissions and properties.
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
                LogUpdated(descriptor.ClientId!, string.Join(' ', client.Scopes));
            }
        }

        await RemoveUnlistedAsync(clients.Select(c => c.ClientId!).ToHashSet(StringComparer.Ordinal), cancellationToken);
    }

    private async Task RemoveUnlistedAsync(HashSet<string> listed, CancellationToken cancellationToken)
    {
        var unlisted = new List<(object Application, string ClientId)>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var clientId = await applications.GetClientIdAsync(application, cancellationToken);
            if (clientId is null || listed.Contains(clientId))
            {
                continue;
            }

            if (ClientProperties.IsSeeded(await applications.GetPropertiesAsync(application, cancellationToken)))
            {
                unlisted.Add((application, clientId));
            }
        }

        foreach (var (application, clientId) in unlisted)
        {
            await applications.DeleteAsync(application, cancellationToken);
            LogRemoved(clientId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created OAuth client {ClientId} with scopes {Scopes}")]
    private partial void LogCreated(string clientId, string scopes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Updated OAuth client {ClientId} with scopes {Scopes}")]
    private partial void LogUpdated(string clientId, string scopes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed OAuth client {ClientId}: it is no longer in configuration")]
    private partial void LogRemoved(string clientId);
}
